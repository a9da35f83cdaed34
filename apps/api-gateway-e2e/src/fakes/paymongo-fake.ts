import { createHmac, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: any;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });

/**
 * A local stand-in for PayMongo's REST API (POST /v1/payment_intents, POST and GET /v1/refunds, HTTP Basic
 * with the secret key) that records what it received and signs webhook events the way PayMongo does.
 */
export class PaymongoFake {
  readonly requests: RecordedRequest[] = [];
  /** Refunds made, as PayMongo keeps them (GET /v1/refunds?payment_id= lists a payment's). */
  readonly refunds: { id: string; type: string; attributes: Record<string, any> }[] = [];
  private server?: Server;

  constructor(
    readonly secretKey = 'sk_test_fake',
    readonly webhookSecret = 'whsk_test_fake',
  ) {}

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const body = raw ? JSON.parse(raw) : undefined;
      this.requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
      const answer = (status: number, payload: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (req.headers.authorization !== `Basic ${Buffer.from(`${this.secretKey}:`).toString('base64')}`)
        return answer(401, { errors: [{ code: 'api_key_invalid', detail: 'API key is invalid.' }] });
      const attributes = body?.data?.attributes ?? {};
      if (req.method === 'POST' && req.url === '/v1/payment_intents') {
        const intentId = id('pi');
        return answer(200, {
          data: {
            id: intentId,
            type: 'payment_intent',
            attributes: {
              ...attributes,
              status: 'awaiting_next_action',
              client_key: `${intentId}_client_x`,
              next_action: { type: 'redirect', redirect: { url: `https://pm.link/fake/${intentId}` } },
            },
          },
        });
      }
      if (req.method === 'POST' && req.url === '/v1/refunds') {
        const refund = { id: id('ref'), type: 'refund', attributes: { ...attributes, status: 'pending' } };
        this.refunds.push(refund);
        return answer(200, { data: refund });
      }
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method === 'GET' && url.pathname === '/v1/refunds')
        return answer(200, { data: this.refunds.filter((r) => r.attributes.payment_id === url.searchParams.get('payment_id')) });
      return answer(404, { errors: [{ code: 'resource_not_found', detail: `${req.method} ${req.url}` }] });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  intents(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/payment_intents');
  }

  /** A PayMongo event body about a payment of an intent, as the raw string that gets signed. */
  event(type: 'payment.paid' | 'payment.failed', intentId: string, amountCentavos: number, paymentId = id('pay')): string {
    const payment = {
      id: paymentId,
      type: 'payment',
      attributes: {
        amount: amountCentavos,
        currency: 'PHP',
        status: type === 'payment.paid' ? 'paid' : 'failed',
        payment_intent_id: intentId,
      },
    };
    return JSON.stringify({ data: { id: id('evt'), type: 'event', attributes: { type, livemode: false, data: payment } } });
  }

  /** `Paymongo-Signature` for a body: test mode fills te, live mode li. */
  sign(rawBody: string, options: { secret?: string; timestamp?: number; live?: boolean } = {}): string {
    const t = options.timestamp ?? Math.floor(Date.now() / 1000);
    const mac = createHmac('sha256', options.secret ?? this.webhookSecret)
      .update(`${t}.${rawBody}`)
      .digest('hex');
    return `t=${t},te=${options.live ? '' : mac},li=${options.live ? mac : ''}`;
  }
}
