import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { LOGISTICS_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(LOGISTICS_SERVICE)],
})
export class AppModule {}
