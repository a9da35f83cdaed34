import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { CATALOG_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(CATALOG_SERVICE)],
})
export class AppModule {}
