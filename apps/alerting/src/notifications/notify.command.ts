/**
 * The one seam between alerts (rules, dedup, grouping, escalation) and notifications (channels, retries,
 * preferences, templates): the alerts side decides *that* people are told and *who*; the notifications side
 * decides *how* (which channel, which template, when to retry) and records every attempt.
 */
export const NOTIFY_KINDS = ['FIRING', 'RESOLVED', 'ESCALATED', 'REMINDER'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** Who to tell: a user, every user of a role, or every member of a team; channels narrow the user's own preferences. */
export interface NotifyRecipient {
  userId?: string;
  role?: string;
  teamId?: string;
  /** NotificationChannel values (EMAIL, SMS, PUSH, IN_APP, WEBHOOK); absent: the recipient's preferences decide. */
  channels?: string[];
}

export interface NotifyRequest {
  /** Identifies this notification for idempotency: the same key twice sends once (e.g. `<groupKey>:<flush time>`). */
  dedupKey: string;
  kind: NotifyKind;
  /** The alerts this message is about (a group flush names all of them). */
  alertIds: string[];
  groupKey?: string;
  /** AlertCategory and AlertPriority values; CRITICAL overrides quiet hours. */
  category: string;
  priority: string;
  /** The triggering event type (e.g. evt.iot-telemetry.threshold.breached): picks the template. */
  eventType: string;
  recipients: NotifyRecipient[];
  /** Template variables (title, message, device, value, count...). */
  variables: Record<string, unknown>;
}

/** Executed through the CommandBus; its handler lives in this folder. */
export class NotifyCommand {
  constructor(readonly request: NotifyRequest) {}
}
