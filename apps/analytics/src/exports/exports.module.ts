import { Module } from '@nestjs/common';
import { FileStoreModule } from '@suite/platform';
import { ExportJobs } from './export-jobs';
import { ExportRunner } from './export-runner';
import { ExportsNatsController } from './exports.nats.controller';
import { ExportsService } from './exports.service';

/** Exports: the job API, and the worker that pages through the owning services into the file store. */
@Module({
  imports: [FileStoreModule.forRoot()],
  controllers: [ExportsNatsController],
  providers: [ExportsService, ExportRunner, ExportJobs],
})
export class ExportsModule {}
