import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { AnalyticsEventsNatsController } from './events/analytics-events.nats.controller';
import { AnalyticsEventsService } from './events/analytics-events.service';
import { RecordEventHandler } from './events/commands/record-event.command';
import { EveryEventConsumer } from './events/every-event.consumer';
import { ANALYTICS_SERVICE } from './service';
import { SystemConfigNatsController } from './system-config/system-config.nats.controller';
import { SystemConfigService } from './system-config/system-config.service';

@Module({
  imports: [PlatformModule.forService(ANALYTICS_SERVICE)],
  controllers: [SystemConfigNatsController, AnalyticsEventsNatsController],
  providers: [SystemConfigService, AnalyticsEventsService, RecordEventHandler, EveryEventConsumer],
})
export class AppModule {}
