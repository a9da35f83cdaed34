import { Counter } from 'prom-client';
import { metricsRegistry } from '@suite/platform';

/**
 * Delivery attempts whose outcome was committed, by channel and outcome: `sent` (the provider took it), `retrying` (a
 * transient failure, tried again later) and the final failure status (`failed`, `bounced`, `cancelled`).
 */
export const notificationAttempts = new Counter({
  name: 'suite_notification_attempts_total',
  help: 'Notification delivery attempts, by channel and outcome (sent, retrying, failed, bounced, cancelled)',
  labelNames: ['channel', 'outcome'] as const,
  registers: [metricsRegistry],
});
