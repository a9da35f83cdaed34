import { Module } from '@nestjs/common';
import { MailModule, PlatformModule } from '@suite/platform';
import { NotificationsNatsController } from './notifications/notifications.nats.controller';
import { NOTIFICATION_PROVIDERS } from './notifications/notifications.providers';
import { ALERTING_SERVICE } from './service';
import { AlertRulesNatsController } from './rules/alert-rules.nats.controller';
import { AlertRulesService } from './rules/alert-rules.service';
import { DefaultRulesSeeder } from './rules/default-rules.seeder';
import { AlertsNatsController } from './alerts/alerts.nats.controller';
import { AlertsService } from './alerts/alerts.service';
import { AcknowledgeAlertHandler, ResolveAlertHandler, SnoozeAlertHandler } from './alerts/commands/alert-actions.commands';
import { AlertSchedulerJob } from './alerts/alert-scheduler.job';
import { GroupFlush } from './alerts/group-flush';
import { AlertTimers } from './alerts/timers';
import { NotifyRelay } from './alerts/notify-relay';
import { SilencesNatsController } from './silences/silences.nats.controller';
import { SilencesService } from './silences/silences.service';
import { EscalationPoliciesNatsController } from './escalation/escalation-policies.nats.controller';
import { EscalationPoliciesService } from './escalation/escalation-policies.service';
import { AlertEventsConsumer } from './engine/alert-events.consumer';
import { AlertWriter } from './engine/alert-writer';
import { RuleMatcher } from './engine/rule-matcher';
import { EvaluateEventHandler } from './engine/commands/evaluate-event.command';

@Module({
  imports: [PlatformModule.forService(ALERTING_SERVICE), MailModule.forRoot()],
  controllers: [
    AlertRulesNatsController,
    AlertsNatsController,
    SilencesNatsController,
    EscalationPoliciesNatsController,
    NotificationsNatsController,
  ],
  providers: [
    AlertRulesService,
    DefaultRulesSeeder,
    AlertsService,
    AcknowledgeAlertHandler,
    SnoozeAlertHandler,
    ResolveAlertHandler,
    SilencesService,
    EscalationPoliciesService,
    AlertEventsConsumer,
    RuleMatcher,
    AlertWriter,
    EvaluateEventHandler,
    GroupFlush,
    AlertTimers,
    NotifyRelay,
    AlertSchedulerJob,
    ...NOTIFICATION_PROVIDERS,
  ],
})
export class AppModule {}
