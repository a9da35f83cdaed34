import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type FakeOrderStatus = 'ASSIGNING_DRIVER' | 'ON_GOING' | 'PICKED_UP' | 'COMPLETED' | 'CANCELED' | 'REJECTED' | 'EXPIRED';

interface FakeStop {
  stopId: string;
  coordinates: { lat: string; lng: string };
  address: string;
  name?: string;
  phone?: string;
  remarks?: string;
  POD?: { status: string; image?: string; signature?: string; deliveredAt?: string };
}

interface FakeQuotation {
  quotationId: string;
  expiresAt: number;
  body: Record<string, any>;
  used: boolean;
}

export interface FakeOrder {
  orderId: string;
  quotationId: string;
  status: FakeOrderStatus;
  driverId: string;
  onGoingAt?: number;
  stops: FakeStop[];
  priceBreakdown: Record<string, string>;
  distance: { value: string; unit: string };
  isPODEnabled: boolean;
}

export interface RecordedLalamoveRequest {
  method: string;
  path: string;
  market: string | undefined;
  requestId: string | undefined;
  signed: boolean;
  body: any;
}

/** 19 digits, as Lalamove's ids have been since 2025: beyond Number.MAX_SAFE_INTEGER. */
const longId = () => `${randomInt(1, 10)}${Array.from({ length: 18 }, () => randomInt(0, 10)).join('')}`;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });

/**
 * A local stand-in for Lalamove's API v3: POST /v3/quotations, POST /v3/orders, GET /v3/orders/{id},
 * DELETE /v3/orders/{id}, GET /v3/orders/{id}/drivers/{driverId}. It refuses a request unless
 * `Authorization: hmac <key>:<ms>:<hex HMAC-SHA256 of "<ms>\r\n<METHOD>\r\n<path>\r\n\r\n<body>">` verifies
 * with the secret, the `Market` header is PH and the `Request-ID` is new; bodies are `{ data }`; errors
 * `{ errors: [{ id, message }] }`. Orders get 19-digit ids; a cancel follows Lalamove's rule (while
 * ASSIGNING_DRIVER, or ON_GOING within the window); it builds webhooks signed as Lalamove signs them.
 */
export class LalamoveFake {
  readonly requests: RecordedLalamoveRequest[] = [];
  readonly quotations = new Map<string, FakeQuotation>();
  readonly orders = new Map<string, FakeOrder>();
  private readonly nonces = new Set<string>();
  private server?: Server;
  /** How long a new quotation can be ordered (Lalamove: 5 minutes). */
  quotationTtlMs = 5 * 60 * 1000;
  cancelWindowMs = 5 * 60 * 1000;
  /** Delay before answering POST /v3/orders, to widen races in tests. */
  orderDelayMs = 0;
  /** The next this-many signed requests are answered 500, as an outage would. */
  failNext = 0;

  constructor(
    readonly apiKey = 'pk_test_fakefarm0001',
    readonly secret = 'sk_test_fakefarmsecret0001',
    readonly market = 'PH',
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  sign(timestamp: string | number, method: string, path: string, body: string, secret = this.secret): string {
    return createHmac('sha256', secret).update(`${timestamp}\r\n${method}\r\n${path}\r\n\r\n${body}`).digest('hex');
  }

  private verified(req: IncomingMessage, path: string, raw: string): boolean {
    const match = /^hmac ([^:]+):(\d+):([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
    if (!match || match[1] !== this.apiKey) return false;
    if (Math.abs(Date.now() - Number(match[2])) > 5 * 60 * 1000) return false;
    const expected = Buffer.from(this.sign(match[2], req.method ?? '', path, raw), 'hex');
    return timingSafeEqual(expected, Buffer.from(match[3], 'hex'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const requestId = req.headers['request-id'] as string | undefined;
    const signed = this.verified(req, path, raw);
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    this.requests.push({ method: req.method ?? '', path, market: req.headers.market as string | undefined, requestId, signed, body });
    const answer = (status: number, payload?: unknown): void => {
      if (payload === undefined) res.writeHead(status).end();
      else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    const refuse = (status: number, id: string, message: string) => answer(status, { errors: [{ id, message }] });
    if (!signed) return refuse(401, 'ERR_UNAUTHORIZED', 'Signature does not match');
    if (req.headers.market !== this.market) return refuse(401, 'ERR_INVALID_MARKET', 'Market header missing or wrong');
    if (!requestId || this.nonces.has(requestId)) return refuse(409, 'ERR_DUPLICATE_REQUEST', 'Request-ID must be a new nonce');
    this.nonces.add(requestId);
    if (this.failNext > 0) {
      this.failNext--;
      return refuse(500, 'ERR_INTERNAL', 'Internal server error');
    }

    if (req.method === 'POST' && path === '/v3/quotations') return this.quote(body?.data, answer, refuse);
    if (req.method === 'POST' && path === '/v3/orders') {
      if (this.orderDelayMs) await new Promise((r) => setTimeout(r, this.orderDelayMs));
      return this.place(body?.data, answer, refuse);
    }
    const driver = /^\/v3\/orders\/([^/]+)\/drivers\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && driver) {
      const order = this.orders.get(driver[1]);
      if (!order || order.driverId !== driver[2]) return refuse(404, 'ERR_INVALID_DRIVER_ID', 'No such driver for this order');
      return answer(200, {
        data: { ...this.driverOf(order), coordinates: { lat: '14.5547', lng: '121.0244', updatedAt: new Date().toISOString() } },
      });
    }
    const one = /^\/v3\/orders\/([^/]+)$/.exec(path);
    if (one) {
      const order = this.orders.get(one[1]);
      if (!order) return refuse(404, 'ERR_ORDER_NOT_FOUND', 'No such order');
      if (req.method === 'GET') return answer(200, { data: this.orderBody(order) });
      if (req.method === 'DELETE') {
        const allowed =
          order.status === 'ASSIGNING_DRIVER' ||
          (order.status === 'ON_GOING' && order.onGoingAt !== undefined && Date.now() - order.onGoingAt <= this.cancelWindowMs);
        if (!allowed) return refuse(422, 'ERR_CANCELLATION_FORBIDDEN', `Order in ${order.status} cannot be cancelled`);
        order.status = 'CANCELED';
        return answer(204);
      }
    }
    return refuse(404, 'ERR_NOT_FOUND', `${req.method} ${path}`);
  }

  private quote(data: any, answer: (s: number, p?: unknown) => void, refuse: (s: number, id: string, m: string) => void) {
    if (!data?.serviceType) return refuse(422, 'ERR_INVALID_SERVICE_TYPE', 'serviceType is required');
    const stops = data.stops;
    if (!Array.isArray(stops) || stops.length < 2 || stops.length > 16)
      return refuse(422, 'ERR_INVALID_STOPS', 'between 2 and 16 stops are required');
    if (stops.some((s: any) => typeof s?.coordinates?.lat !== 'string' || typeof s?.coordinates?.lng !== 'string' || !s.address))
      return refuse(422, 'ERR_INVALID_STOPS', 'each stop needs string coordinates and an address');
    const quotationId = longId();
    const expiresAt = Date.now() + this.quotationTtlMs;
    const metres = 3000 * (stops.length - 1) + 725;
    const body = {
      quotationId,
      scheduleAt: data.scheduleAt ?? new Date().toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      serviceType: data.serviceType,
      specialRequests: data.specialRequests ?? [],
      language: data.language,
      stops: stops.map((s: any) => ({ stopId: longId(), coordinates: s.coordinates, address: s.address })),
      isRouteOptimized: data.isRouteOptimized ?? false,
      priceBreakdown: { base: '49', extraMileage: '60', surcharge: '0', totalExcludePriorityFee: '109.5', total: '109.5', currency: 'PHP' },
      ...(data.item ? { item: data.item } : {}),
      distance: { value: String(metres), unit: 'm' },
    };
    this.quotations.set(quotationId, { quotationId, expiresAt, body, used: false });
    answer(201, { data: body });
  }

  private place(data: any, answer: (s: number, p?: unknown) => void, refuse: (s: number, id: string, m: string) => void) {
    const quotation = this.quotations.get(String(data?.quotationId));
    if (!quotation) return refuse(422, 'ERR_INVALID_QUOTATION_ID', 'Unknown quotation');
    if (Date.now() > quotation.expiresAt) return refuse(422, 'ERR_QUOTATION_EXPIRED', 'The quotation has expired');
    if (quotation.used) return refuse(422, 'ERR_QUOTATION_ALREADY_USED', 'The quotation was already used');
    const stops: FakeStop[] = quotation.body.stops;
    if (data?.sender?.stopId !== stops[0].stopId || !data.sender.name || !data.sender.phone)
      return refuse(422, 'ERR_INVALID_SENDER', 'sender must name the pickup stop');
    const recipients = data.recipients ?? [];
    if (recipients.length !== stops.length - 1 || recipients.some((r: any, i: number) => r.stopId !== stops[i + 1].stopId))
      return refuse(422, 'ERR_INVALID_RECIPIENTS', 'one recipient per drop-off stop');
    quotation.used = true;
    const isPODEnabled = data.isPODEnabled !== false;
    const order: FakeOrder = {
      orderId: longId(),
      quotationId: quotation.quotationId,
      status: 'ASSIGNING_DRIVER',
      driverId: '',
      isPODEnabled,
      priceBreakdown: quotation.body.priceBreakdown,
      distance: quotation.body.distance,
      stops: stops.map((s, i) => ({
        ...s,
        ...(i === 0 ? { name: data.sender.name, phone: data.sender.phone } : recipients[i - 1]),
        ...(i > 0 && isPODEnabled ? { POD: { status: 'PENDING' } } : {}),
      })),
    };
    this.orders.set(order.orderId, order);
    answer(201, { data: this.orderBody(order) });
  }

  private orderBody(order: FakeOrder) {
    return {
      orderId: order.orderId,
      quotationId: order.quotationId,
      priceBreakdown: order.priceBreakdown,
      driverId: order.driverId,
      shareLink: `https://share.sandbox.lalamove.com/?PH${order.orderId}&lang=en_PH`,
      status: order.status,
      distance: order.distance,
      stops: order.stops,
    };
  }

  private driverOf(order: FakeOrder) {
    return {
      driverId: order.driverId,
      name: 'Pedro Santos',
      phone: '+639171110000',
      plateNumber: 'NCR 1234',
      photo: 'https://fake/driver.jpg',
    };
  }

  /** Moves an order at "Lalamove" (as its driver app would), before the webhook about it is sent. */
  move(orderId: string, status: FakeOrderStatus, options: { onGoingAt?: number } = {}): FakeOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`fake has no order ${orderId}`);
    order.status = status;
    if (status === 'ON_GOING') {
      order.driverId ||= longId();
      order.onGoingAt = options.onGoingAt ?? Date.now();
    }
    if (status === 'COMPLETED' && order.isPODEnabled)
      order.stops = order.stops.map((s, i) =>
        i === 0
          ? s
          : { ...s, POD: { status: 'DELIVERED', image: `https://fake/pod/${orderId}-${i}.jpg`, deliveredAt: new Date().toISOString() } },
      );
    return order;
  }

  /** An ORDER_STATUS_CHANGED or DRIVER_ASSIGNED body as Lalamove sends it, signed over its data. */
  webhook(
    eventType: 'ORDER_STATUS_CHANGED' | 'DRIVER_ASSIGNED' | 'ORDER_AMOUNT_CHANGED',
    orderId: string,
    options: { status?: FakeOrderStatus; eventId?: string; updatedAt?: Date; path?: string; secret?: string; withPod?: boolean } = {},
  ): string {
    const order = this.orders.get(orderId);
    const updatedAt = (options.updatedAt ?? new Date()).toISOString();
    const data =
      eventType === 'DRIVER_ASSIGNED'
        ? {
            driver: order ? this.driverOf(order) : { driverId: longId() },
            location: { lat: '14.55', lng: '121.02' },
            order: { orderId },
            updatedAt,
          }
        : {
            order: {
              orderId,
              scheduleAt: updatedAt,
              shareLink: `https://share.sandbox.lalamove.com/?PH${orderId}`,
              market: 'PH',
              driverId: order?.driverId ?? '',
              previousStatus: order?.status,
              status: options.status ?? order?.status,
              ...(options.withPod && order ? { stops: order.stops } : {}),
            },
            updatedAt,
          };
    const timestamp = Math.floor(Date.now() / 1000);
    const path = options.path ?? '/api/v1/webhooks/lalamove';
    return JSON.stringify({
      apiKey: this.apiKey,
      timestamp,
      signature: this.sign(timestamp, 'POST', path, JSON.stringify(data), options.secret),
      eventId: options.eventId ?? randomUUID(),
      eventType,
      eventVersion: 'v3',
      data,
    });
  }

  deliver(gatewayBase: string, rawBody: string): Promise<Response> {
    return fetch(`${gatewayBase}/api/v1/webhooks/lalamove`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rawBody,
    });
  }

  ordersOf(quotationId: string): FakeOrder[] {
    return [...this.orders.values()].filter((o) => o.quotationId === quotationId);
  }
}
