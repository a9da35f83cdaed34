import { createHmac, randomBytes } from 'node:crypto';
import { TrackingFakeServer } from './tracking-fake-server';

/** One EasyPost TrackingDetail. */
export interface EasyPostDetail {
  status: string;
  status_detail?: string;
  message?: string;
  /** ISO-8601, UTC as EasyPost sends it */
  datetime: string;
  city?: string;
  state?: string;
  country?: string;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/**
 * A local stand-in for EasyPost Trackers: polls answer POST /v2/trackers `{ tracker: { tracking_code, carrier } }`
 * and GET /v2/trackers/:id (Basic auth, the API key as user) for the trackers a test registered, and
 * webhooks are Events `{ id: 'evt_...', object: 'Event', description: 'tracker.updated', result: <Tracker> }`
 * signed as EasyPost signs them: `X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256 of the raw body>`.
 */
export class EasyPostFake {
  private readonly trackers = new Map<string, Record<string, unknown>>();
  readonly server = new TrackingFakeServer((poll, url, answer) => {
    if (poll.headers.authorization !== `Basic ${Buffer.from(`${this.apiKey}:`).toString('base64')}`)
      return answer(401, { error: { code: 'APIKEY.INACTIVE', message: 'This api key is no longer active.', errors: [] } });
    const notFound = () => answer(404, { error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.', errors: [] } });
    if (poll.method === 'POST' && url.pathname === '/v2/trackers') {
      const code = JSON.parse(poll.body || '{}')?.tracker?.tracking_code;
      const tracker = this.trackers.get(code);
      return tracker ? answer(200, tracker) : notFound();
    }
    const byId = /^\/v2\/trackers\/([^/]+)$/.exec(url.pathname);
    if (poll.method === 'GET' && byId) {
      const tracker = [...this.trackers.values()].find((t) => t.id === byId[1]);
      return tracker ? answer(200, tracker) : notFound();
    }
    return notFound();
  });

  constructor(
    readonly apiKey = 'ep_test_key',
    readonly webhookSecret = 'ep_whsec_test',
  ) {}

  start = () => this.server.start();
  stop = () => this.server.stop();

  /** EasyPost's Tracker object; its status is the latest detail's. */
  tracker(trackingCode: string, details: EasyPostDetail[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    const latest = [...details].sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime)).at(-1);
    return {
      id: `trk_${trackingCode.toLowerCase()}`,
      object: 'Tracker',
      mode: 'test',
      tracking_code: trackingCode,
      status: latest?.status ?? 'unknown',
      status_detail: latest?.status_detail ?? 'unknown',
      carrier: 'USPS',
      signed_by: null,
      est_delivery_date: null,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      tracking_details: details.map((d) => ({
        object: 'TrackingDetail',
        message: d.message ?? d.status,
        description: '',
        status: d.status,
        status_detail: d.status_detail ?? d.status,
        datetime: d.datetime,
        source: 'USPS',
        tracking_location: {
          object: 'TrackingLocation',
          city: d.city ?? null,
          state: d.state ?? null,
          country: d.country ?? 'US',
          zip: null,
        },
      })),
      ...extra,
    };
  }

  track(trackingCode: string, details: EasyPostDetail[], extra: Record<string, unknown> = {}): void {
    this.trackers.set(trackingCode, this.tracker(trackingCode, details, extra));
  }

  /** A tracker.updated Event body (the raw string that gets signed). */
  webhook(tracker: Record<string, unknown>, eventId = id('evt'), description = 'tracker.updated'): string {
    return JSON.stringify({
      id: eventId,
      object: 'Event',
      mode: 'test',
      description,
      previous_attributes: {},
      result: tracker,
      status: 'pending',
      pending_urls: [],
      completed_urls: [],
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    });
  }

  sign(rawBody: string, secret = this.webhookSecret): string {
    return `hmac-sha256-hex=${createHmac('sha256', secret.normalize('NFKD')).update(rawBody).digest('hex')}`;
  }

  deliver(gatewayBase: string, rawBody: string, signature: string | null = this.sign(rawBody)): Promise<Response> {
    return fetch(`${gatewayBase}/api/v1/webhooks/tracking/easypost`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hmac-signature': signature }) },
      body: rawBody,
    });
  }
}
