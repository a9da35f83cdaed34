import { Module } from '@nestjs/common';
import { FileStoreModule, MailModule } from '@suite/platform';
import { ReportJobs } from './report-jobs';
import { ReportPool } from './report-pool';
import { ReportRunner } from './report-runner';
import { ReportScheduler } from './report-scheduler';
import { ReportsNatsController } from './reports.nats.controller';
import { ReportsService } from './reports.service';
import { ReportSources } from './sources/report-sources';
import { ReportDeliveryConsumer } from './subscriptions/report-delivery.consumer';
import { SubscriptionsService } from './subscriptions/subscriptions.service';

/** Reports: definitions, the execution queue and its workers, schedules, subscriptions and their delivery. */
@Module({
  imports: [FileStoreModule.forRoot(), MailModule.forRoot()],
  controllers: [ReportsNatsController],
  providers: [
    ReportSources,
    ReportPool,
    ReportRunner,
    ReportScheduler,
    ReportJobs,
    ReportsService,
    SubscriptionsService,
    ReportDeliveryConsumer,
  ],
})
export class ReportsModule {}
