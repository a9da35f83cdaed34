import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { IDENTITY_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(IDENTITY_SERVICE)],
})
export class AppModule {}
