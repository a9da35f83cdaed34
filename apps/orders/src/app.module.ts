import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { ORDERS_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(ORDERS_SERVICE)],
})
export class AppModule {}
