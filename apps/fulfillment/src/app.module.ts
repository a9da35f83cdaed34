import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { FULFILLMENT_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(FULFILLMENT_SERVICE)],
})
export class AppModule {}
