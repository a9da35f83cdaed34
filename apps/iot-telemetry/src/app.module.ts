import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { IOT_TELEMETRY_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(IOT_TELEMETRY_SERVICE)],
})
export class AppModule {}
