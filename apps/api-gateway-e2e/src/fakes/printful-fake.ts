import { createHmac, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: any;
}

export interface PrintfulOrderRef {
  id: number;
  external_id: string;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });

/**
 * A local stand-in for Printful's order API (POST /orders?confirm=true, `Authorization: Bearer <token>`,
 * answers `{ code, result: { id, external_id, status, ... } }`) that records what it received, and
 * builds Printful's webhook bodies (`{ type, created, retries, store, data: { order, shipment } }`)
 * signed the way the fulfillment service checks them: hex HMAC-SHA256 of the raw body in
 * `x-pf-webhook-signature`, with the factory's webhook secret.
 */
export class PrintfulFake {
  readonly requests: RecordedRequest[] = [];
  readonly orders: PrintfulOrderRef[] = [];
  private server?: Server;
  private nextId = 100000 + Math.floor(Math.random() * 1000);

  constructor(
    readonly token = 'pf_test_token',
    readonly webhookSecret = 'pf_whsec_test',
  ) {}

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const raw = await readBody(req);
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      this.requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
      const answer = (status: number, payload: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (req.headers.authorization !== `Bearer ${this.token}`)
        return answer(401, { code: 401, result: 'Unauthorized', error: { reason: 'Unauthorized', message: 'Invalid access token' } });
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method === 'POST' && url.pathname === '/orders') {
        if (!body?.recipient?.address1 || !Array.isArray(body?.items) || body.items.length === 0)
          return answer(400, {
            code: 400,
            result: 'Recipient and items are required',
            error: { reason: 'BadRequest', message: 'Bad request' },
          });
        if (this.orders.some((o) => o.external_id === body.external_id))
          return answer(400, {
            code: 400,
            result: 'Order with this external ID already exists',
            error: { reason: 'BadRequest', message: 'Duplicate' },
          });
        const order = { id: this.nextId++, external_id: body.external_id as string };
        this.orders.push(order);
        const confirmed = url.searchParams.get('confirm') === 'true' || url.searchParams.get('confirm') === '1';
        return answer(200, {
          code: 200,
          result: { ...body, id: order.id, status: confirmed ? 'pending' : 'draft', created: Math.floor(Date.now() / 1000) },
        });
      }
      return answer(404, { code: 404, result: 'Not found', error: { reason: 'NotFound', message: `${req.method} ${req.url}` } });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  orderRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/orders'));
  }

  /** A Printful webhook body about one of its orders, as the raw string that gets signed. */
  event(
    type: 'package_shipped' | 'order_updated' | 'order_failed' | 'order_canceled',
    order: PrintfulOrderRef,
    options: { status?: string; tracking?: string; carrier?: string; reason?: string; created?: number; eventId?: string } = {},
  ): string {
    const data: Record<string, unknown> = { order: { id: order.id, external_id: order.external_id, status: options.status ?? 'pending' } };
    if (type === 'package_shipped')
      data.shipment = {
        id: Number(randomBytes(3).readUIntBE(0, 3)),
        carrier: options.carrier ?? 'USPS',
        service: 'USPS First Class',
        tracking_number: options.tracking ?? '9400111899223817612345',
        tracking_url: 'https://example.invalid/track',
      };
    if (options.reason) data.reason = options.reason;
    return JSON.stringify({
      ...(options.eventId ? { id: options.eventId } : {}),
      type,
      created: options.created ?? Math.floor(Date.now() / 1000),
      retries: 0,
      store: 1,
      data,
    });
  }

  sign(rawBody: string, secret = this.webhookSecret): string {
    return createHmac('sha256', secret).update(rawBody).digest('hex');
  }

  /** Delivers a webhook to the gateway, signed unless a signature (or null for none) is given. */
  deliver(gatewayBase: string, rawBody: string, signature: string | null = this.sign(rawBody)): Promise<Response> {
    return fetch(`${gatewayBase}/api/v1/webhooks/printful`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-pf-webhook-signature': signature }) },
      body: rawBody,
    });
  }
}
