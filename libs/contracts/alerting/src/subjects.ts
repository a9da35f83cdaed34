import { IotTelemetryEvents } from '@suite/contracts/iot-telemetry';

/** Every NATS subject of the alerting service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const AlertingSubjects = {
  HealthCheck: 'alerting.health.check',
  AlertRuleList: 'alerting.alert-rule.list',
  AlertRuleGet: 'alerting.alert-rule.get',
  AlertRuleCreate: 'alerting.alert-rule.create',
  AlertRuleUpdate: 'alerting.alert-rule.update',
  AlertRuleDelete: 'alerting.alert-rule.delete',
  AlertList: 'alerting.alert.list',
  AlertGet: 'alerting.alert.get',
  AlertAcknowledge: 'alerting.alert.acknowledge',
  AlertSnooze: 'alerting.alert.snooze',
  AlertResolve: 'alerting.alert.resolve',
  SilenceList: 'alerting.silence.list',
  SilenceGet: 'alerting.silence.get',
  SilenceCreate: 'alerting.silence.create',
  SilenceExpire: 'alerting.silence.expire',
  EscalationPolicyList: 'alerting.escalation-policy.list',
  EscalationPolicyGet: 'alerting.escalation-policy.get',
  EscalationPolicyCreate: 'alerting.escalation-policy.create',
  EscalationPolicyUpdate: 'alerting.escalation-policy.update',
  EscalationPolicyDelete: 'alerting.escalation-policy.delete',
  NotificationList: 'alerting.notification.list',
  NotificationGet: 'alerting.notification.get',
  NotificationMarkRead: 'alerting.notification.mark-read',
  NotificationMarkAllRead: 'alerting.notification.mark-all-read',
  NotificationTest: 'alerting.notification.test',
  PreferencesGet: 'alerting.notification-preferences.get',
  PreferencesUpdate: 'alerting.notification-preferences.update',
  PushSubscriptionList: 'alerting.push-subscription.list',
  PushVapidKey: 'alerting.push-subscription.vapid-key',
  PushSubscriptionCreate: 'alerting.push-subscription.create',
  PushSubscriptionDelete: 'alerting.push-subscription.delete',
  TemplateList: 'alerting.notification-template.list',
  TemplateCreate: 'alerting.notification-template.create',
  TemplateUpdate: 'alerting.notification-template.update',
  TemplateDelete: 'alerting.notification-template.delete',
  WebhookSubscriptionList: 'alerting.webhook-subscription.list',
  WebhookSubscriptionCreate: 'alerting.webhook-subscription.create',
  WebhookSubscriptionDelete: 'alerting.webhook-subscription.delete',
  /** Gateway -> alerting: an SMS provider's delivery-status callback, raw body and signature headers. */
  SmsStatusCallback: 'alerting.sms.status-callback',
} as const;

/**
 * Core NATS (no persistence): an IN_APP notification as it is stored, for the gateway's SSE stream of
 * that user. A client sees what arrives while it is connected and lists the rest.
 */
export const NotificationLive = {
  user: (userId: string) => `alerting.live.notifications.${userId}`,
} as const;

export const AlertingEvents = {
  AlertRaised: 'evt.alerting.alert.raised',
  AlertResolved: 'evt.alerting.alert.resolved',
} as const;

/**
 * The event families rules are evaluated against: one durable per family, so a rule may watch any event
 * of these services (its eventType is the exact subject). Logistics' exception subjects arrive through
 * its family as soon as logistics publishes them.
 */
export const ALERT_SOURCE_FAMILIES = [
  'evt.iot-telemetry.>',
  'evt.catalog.>',
  'evt.orders.>',
  'evt.fulfillment.>',
  'evt.logistics.>',
  'evt.identity.>',
] as const;

/** A clearing event resolves the open alerts of rules on the event it clears (same fingerprint fields). */
export const CLEARING_EVENTS: Record<string, string> = {
  [IotTelemetryEvents.ThresholdCleared]: IotTelemetryEvents.ThresholdBreached,
  [IotTelemetryEvents.DeviceOnline]: IotTelemetryEvents.DeviceOffline,
};
