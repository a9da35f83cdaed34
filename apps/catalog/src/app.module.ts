import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { TeamAccess } from './access/team-access';
import { CATALOG_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(CATALOG_SERVICE)],
  controllers: [],
  providers: [TeamAccess],
})
export class AppModule {}
