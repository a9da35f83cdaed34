import { createHmac, randomUUID } from 'node:crypto';
import { TrackingFakeServer } from './tracking-fake-server';

/** One AfterShip checkpoint as its API and webhooks carry it. */
export interface AfterShipCheckpoint {
  tag: string;
  subtag?: string;
  subtag_message?: string;
  message?: string;
  /** with the checkpoint's own offset, as carriers report it */
  checkpoint_time: string;
  location?: string;
  city?: string;
  country_iso3?: string;
}

/**
 * A local stand-in for AfterShip Tracking: polls answer GET /tracking/2024-04/trackings?tracking_numbers=...
 * (the `as-api-key` header checked; `{ meta, data: { trackings } }`) for the trackings a test registered,
 * and webhooks are built as AfterShip sends them (`{ event, event_id, is_tracking_first_tag, ts, msg }`)
 * and signed the way it signs them: base64 HMAC-SHA256 of the raw body in `aftership-hmac-sha256`.
 */
export class AfterShipFake {
  private readonly trackings = new Map<string, Record<string, unknown>>();
  readonly server = new TrackingFakeServer((poll, url, answer) => {
    if (poll.headers['as-api-key'] !== this.apiKey)
      return answer(401, { meta: { code: 401, message: 'Invalid API key.', type: 'Unauthorized' }, data: {} });
    if (poll.method !== 'GET' || url.pathname !== '/tracking/2024-04/trackings')
      return answer(404, { meta: { code: 404, message: 'Not found', type: 'NotFound' }, data: {} });
    const numbers = (url.searchParams.get('tracking_numbers') ?? '').split(',');
    const found = numbers.map((n) => this.trackings.get(n)).filter(Boolean);
    return answer(200, { meta: { code: 200 }, data: { pagination: { total: found.length, has_next_page: false }, trackings: found } });
  });

  constructor(
    readonly apiKey = 'as_test_key',
    readonly webhookSecret = 'as_whsec_test',
  ) {}

  start = () => this.server.start();
  stop = () => this.server.stop();

  /** AfterShip's tracking object: the current tag is the latest checkpoint's. */
  tracking(trackingNumber: string, checkpoints: AfterShipCheckpoint[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    const latest = [...checkpoints].sort((a, b) => Date.parse(a.checkpoint_time) - Date.parse(b.checkpoint_time)).at(-1);
    return {
      id: `as-${trackingNumber}`,
      tracking_number: trackingNumber,
      slug: 'usps',
      tag: latest?.tag ?? 'Pending',
      subtag: latest?.subtag ?? 'Pending_001',
      updated_at: new Date().toISOString(),
      checkpoints: checkpoints.map((c) => ({ slug: 'usps', created_at: new Date().toISOString(), ...c })),
      ...extra,
    };
  }

  /** Registers a tracking the poll API then answers. */
  track(trackingNumber: string, checkpoints: AfterShipCheckpoint[], extra: Record<string, unknown> = {}): void {
    this.trackings.set(trackingNumber, this.tracking(trackingNumber, checkpoints, extra));
  }

  /** A tracking_update webhook body (the raw string that gets signed). */
  webhook(msg: Record<string, unknown>, eventId: string = randomUUID(), event = 'tracking_update'): string {
    return JSON.stringify({ event, event_id: eventId, is_tracking_first_tag: false, ts: Math.floor(Date.now() / 1000), msg });
  }

  sign(rawBody: string, secret = this.webhookSecret): string {
    return createHmac('sha256', secret).update(rawBody).digest('base64');
  }

  /** Delivers a webhook to the gateway, signed unless a signature (or null for none) is given. */
  deliver(gatewayBase: string, rawBody: string, signature: string | null = this.sign(rawBody)): Promise<Response> {
    return fetch(`${gatewayBase}/api/v1/webhooks/tracking/aftership`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'aftership-hmac-sha256': signature }) },
      body: rawBody,
    });
  }
}
