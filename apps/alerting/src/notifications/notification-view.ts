import type { NotificationView } from '@suite/contracts/alerting';
import type { NotificationRow } from './channels/channel-sender';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a user sees of a notification: no provider answers, no other recipients' details. */
export function toNotificationView(n: NotificationRow): NotificationView {
  const metadata = (n.metadata ?? {}) as Record<string, any>;
  return {
    id: n.id,
    userId: n.userId,
    alertId: n.alertId,
    channel: n.channel,
    status: n.status,
    priority: n.priority,
    subject: n.subject,
    body: n.body,
    provider: n.provider,
    retryCount: n.retryCount,
    maxRetries: n.maxRetries,
    nextRetryAt: iso(n.nextRetryAt),
    sentAt: iso(n.sentAt),
    deliveredAt: iso(n.deliveredAt),
    failedAt: iso(n.failedAt),
    errorMessage: n.errorMessage,
    readAt: iso(n.readAt),
    metadata: {
      kind: metadata.request?.kind ?? null,
      category: metadata.request?.category ?? null,
      eventType: metadata.request?.eventType ?? null,
      alertIds: metadata.request?.alertIds ?? [],
      fallbackFrom: metadata.fallbackFrom ?? null,
    },
    createdAt: n.createdAt.toISOString(),
  };
}
