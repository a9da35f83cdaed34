import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { ApiUsageNatsController } from './api-usage/api-usage.nats.controller';
import { ApiUsageService } from './api-usage/api-usage.service';
import { RecordApiUsageHandler } from './api-usage/record-api-usage.command';
import { AnalyticsEventsNatsController } from './events/analytics-events.nats.controller';
import { AnalyticsEventsService } from './events/analytics-events.service';
import { RecordEventHandler } from './events/commands/record-event.command';
import { EveryEventConsumer } from './events/every-event.consumer';
import { ReportsModule } from './reports/reports.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { ANALYTICS_SERVICE } from './service';
import { RawEventRetention } from './aggregates/raw-retention';
import { MetricsNatsController } from './metrics/metrics.nats.controller';
import { MetricsService } from './metrics/metrics.service';
import { SystemConfigNatsController } from './system-config/system-config.nats.controller';
import { SystemConfigService } from './system-config/system-config.service';
import { SettingsService } from './system-config/settings.service';
import { SearchLogsNatsController } from './search-logs/search-logs.nats.controller';
import { SearchLogsService } from './search-logs/search-logs.service';
import { SearchLogConsumer } from './search-logs/search-log.consumer';
import { RecordSearchHandler } from './search-logs/record-search.command';

@Module({
  imports: [PlatformModule.forService(ANALYTICS_SERVICE), ReportsModule, ExportsModule, ImportsModule],
  controllers: [
    SystemConfigNatsController,
    AnalyticsEventsNatsController,
    MetricsNatsController,
    SearchLogsNatsController,
    ApiUsageNatsController,
  ],
  providers: [
    SystemConfigService,
    SettingsService,
    AnalyticsEventsService,
    RecordEventHandler,
    EveryEventConsumer,
    MetricsService,
    RawEventRetention,
    SearchLogsService,
    SearchLogConsumer,
    RecordSearchHandler,
    ApiUsageService,
    RecordApiUsageHandler,
  ],
})
export class AppModule {}
