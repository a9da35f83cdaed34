import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { ALERTING_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(ALERTING_SERVICE)],
})
export class AppModule {}
