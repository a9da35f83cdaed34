import { Injectable, Logger } from '@nestjs/common';
import webpush from 'web-push';
import { InjectDb } from '@suite/platform';
import type { AlertingDb } from '@suite/db/alerting';
import { AlertingConfig } from '../../config';
import { ChannelSender, DeliveryError, isTransientStatus, NotificationRow, SendOutcome } from './channel-sender';

/**
 * PUSH: Web Push (RFC 8030) with VAPID (RFC 8292) to every active subscription of the user; the payload
 * is encrypted for each browser (aes128gcm). A 404 or 410 means the browser dropped the subscription: it
 * is deactivated. Sent when at least one push service took it.
 */
@Injectable()
export class PushSender implements ChannelSender {
  readonly channel = 'PUSH';
  private readonly logger = new Logger('PushSender');
  private readonly vapid: { subject: string; publicKey: string; privateKey: string };

  constructor(
    @InjectDb() private readonly db: AlertingDb,
    private readonly config: AlertingConfig,
  ) {
    if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
      this.vapid = { subject: config.VAPID_SUBJECT, publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
    } else if (config.NODE_ENV === 'production') {
      throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required in production');
    } else {
      // Browsers subscribed with another key will need to subscribe again; fine for a development machine.
      this.vapid = { subject: config.VAPID_SUBJECT, ...webpush.generateVAPIDKeys() };
      this.logger.warn('no VAPID keys configured: using a throwaway pair for this run');
    }
  }

  get publicKey(): string {
    return this.vapid.publicKey;
  }

  async send(n: NotificationRow): Promise<SendOutcome> {
    const subscriptions = n.userId ? await this.db.pushSubscription.findMany({ where: { userId: n.userId, isActive: true } }) : [];
    if (subscriptions.length === 0)
      throw new DeliveryError('the recipient has no active push subscription', 'web-push', true, undefined, 'CANCELLED');
    const payload = JSON.stringify({ id: n.id, title: n.subject, body: n.body, priority: n.priority });
    const results: { endpoint: string; status: number; ok: boolean }[] = [];
    for (const s of subscriptions) {
      try {
        const r = await webpush.sendNotification({ endpoint: s.endpoint, keys: s.keys as { p256dh: string; auth: string } }, payload, {
          vapidDetails: this.vapid,
          TTL: 24 * 3600,
          urgency: n.priority <= 2 ? 'high' : 'normal',
          timeout: this.config.PROVIDER_TIMEOUT_MS,
        });
        results.push({ endpoint: s.endpoint, status: r.statusCode, ok: true });
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode ?? 0;
        results.push({ endpoint: s.endpoint, status, ok: false });
        if (status === 404 || status === 410) await this.db.pushSubscription.update({ where: { id: s.id }, data: { isActive: false } });
      }
    }
    if (results.some((r) => r.ok)) return { provider: 'web-push', response: results };
    // Only gone subscriptions or refusals: no retry helps; a push service in trouble (5xx, 429, unreachable) is retried.
    const retryable = results.some((r) => r.status === 0 || isTransientStatus(r.status));
    throw new DeliveryError(
      `no push service took the message (${results.map((r) => r.status).join(', ')})`,
      'web-push',
      !retryable,
      results,
    );
  }
}
