import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { Injectable } from '@nestjs/common';
import { decryptSecret, encryptionKey, InjectDb } from '@suite/platform';
import type { AlertingDb } from '@suite/db/alerting';
import { AlertingConfig } from '../../config';
import { toNotificationView } from '../notification-view';
import { ChannelSender, DeliveryError, isTransientStatus, NotificationRow, SendOutcome } from './channel-sender';
import { forbiddenDestination, isForbiddenAddress } from './ssrf';
import { signWebhook } from './webhook-signature';

/**
 * WEBHOOK: POST the notification as JSON to each of the user's endpoints, signed (X-Signature). In
 * production the destination must be public, checked on the addresses the connection really uses (the
 * lookup of the request itself), so a name that changes its answer after the check cannot slip through.
 */
@Injectable()
export class WebhookSender implements ChannelSender {
  readonly channel = 'WEBHOOK';
  private readonly key: Buffer;

  constructor(
    @InjectDb() private readonly db: AlertingDb,
    private readonly config: AlertingConfig,
  ) {
    this.key = encryptionKey(config);
  }

  async send(n: NotificationRow): Promise<SendOutcome> {
    const hooks = n.userId ? await this.db.webhookSubscription.findMany({ where: { userId: n.userId, isActive: true } }) : [];
    if (hooks.length === 0) throw new DeliveryError('the recipient has no webhook endpoint', 'webhook', true, undefined, 'CANCELLED');
    const body = JSON.stringify({ type: 'notification', data: toNotificationView(n) });
    const production = this.config.NODE_ENV === 'production';
    const results: { url: string; status: number }[] = [];
    for (const hook of hooks) {
      const refused = await forbiddenDestination(hook.url, production);
      if (refused) throw new DeliveryError(`webhook destination refused: ${refused}`, 'webhook', true);
      const status = await this.post(hook.url, body, signWebhook(decryptSecret(hook.secretEncrypted, this.key), body), production);
      results.push({ url: hook.url, status });
    }
    const bad = results.find((r) => r.status < 200 || r.status >= 300);
    if (bad)
      throw new DeliveryError(
        `webhook answered ${bad.status || 'nothing'}`,
        'webhook',
        bad.status !== 0 && !isTransientStatus(bad.status),
        results,
      );
    return { provider: 'webhook', response: results, delivered: true };
  }

  private post(url: string, body: string, signature: string, production: boolean): Promise<number> {
    const target = new URL(url);
    const lookup = (host: string, options: object, callback: (e: Error | null, a: string | LookupAddress[], f?: number) => void) =>
      dnsLookup(host, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, []);
        const bad = production ? addresses.find((a) => isForbiddenAddress(a.address)) : undefined;
        if (bad) return callback(new Error(`${host} resolves to ${bad.address}`), []);
        callback(null, addresses);
      });
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        target,
        {
          method: 'POST',
          lookup: lookup as never,
          timeout: this.config.PROVIDER_TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-signature': signature,
            'user-agent': 'suite-alerting/1',
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(0));
      req.end(body);
    });
  }
}
