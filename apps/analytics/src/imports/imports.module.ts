import { Module } from '@nestjs/common';
import { FileStoreModule } from '@suite/platform';
import { ImportJobs } from './import-jobs';
import { ImportRunner } from './import-runner';
import { ImportsNatsController } from './imports.nats.controller';
import { ImportsService } from './imports.service';
import { TemplatesService } from './templates.service';

/** Imports: jobs whose rows the owning services write in batches, their worker, and import templates. */
@Module({
  imports: [FileStoreModule.forRoot()],
  controllers: [ImportsNatsController],
  providers: [ImportsService, TemplatesService, ImportRunner, ImportJobs],
})
export class ImportsModule {}
