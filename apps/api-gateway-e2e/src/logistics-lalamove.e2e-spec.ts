import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { LalamoveFake } from './fakes/lalamove-fake';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { Stack, startStack } from './stack';

const STOPS = [
  { coordinates: { lat: 14.5547, lng: 121.0244 }, address: 'Mushroom farm, Ayala Ave, Makati' },
  { coordinates: { lat: 14.5764, lng: 121.0851 }, address: 'Buyer store, Pasig' },
];

/**
 * Lalamove deliveries through the gateway against a local fake of Lalamove's API v3 (signed requests,
 * Market header, 19-digit ids, its cancel rule) and its signed webhooks: quotation -> order -> webhooks
 * (duplicated, out of order, badly signed) -> COMPLETED with its proof of delivery; quotation expiry;
 * single use under concurrent place-order calls; cancel allowed and refused; permissions.
 */
describe('logistics Lalamove deliveries through the gateway', () => {
  const fake = new LalamoveFake();
  let stack: Stack;
  let db: Client;
  let fulfiller: Account;
  let support: Account;
  let buyer: Account;
  const { call, account, root } = identityClient(() => stack);

  const send = async (method: string, path: string, options: { body?: unknown; token?: string | null } = {}) => {
    const response = await call(method, path, {
      ...options,
      token: options.token === null ? undefined : (options.token ?? fulfiller.token),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const quote = async (extra: Record<string, unknown> = {}) => {
    const created = await send('POST', '/deliveries/quotations', {
      body: {
        serviceType: 'MOTORCYCLE',
        stops: STOPS,
        item: { quantity: '12', weight: 'LESS_THAN_3_KG', categories: ['FOOD_DELIVERY'] },
        ...extra,
      },
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const orderBody = (quotationId: string, extra: Record<string, unknown> = {}) => ({
    quotationId,
    sender: { name: 'Farm dispatch', phone: '+639170000001' },
    recipients: [{ name: 'Ana Reyes', phone: '+639170000002', remarks: 'Back door' }],
    orderReference: 'MASH-0042',
    ...extra,
  });
  const place = async (extra: Record<string, unknown> = {}) => {
    const q = await quote();
    const placed = await send('POST', '/deliveries/orders', { body: orderBody(q.quotationId, extra) });
    expect(placed.status).toBe(201);
    return placed.body;
  };
  const hook = async (raw: string) => {
    const response = await fake.deliver(stack.base, raw);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const stored = async (id: string) => (await db.query('SELECT * FROM lalamove_orders WHERE id = $1', [id])).rows[0];
  const webhookRows = async () => (await db.query('SELECT count(*)::int AS n FROM lalamove_webhook_events')).rows[0].n;
  const changes = async (deliveryOrderId: string) =>
    (
      await db.query(
        `SELECT payload FROM outbox_event WHERE subject = 'evt.logistics.delivery.status-changed' AND payload->>'deliveryOrderId' = $1 ORDER BY created_at, id`,
        [deliveryOrderId],
      )
    ).rows.map((r) => `${r.payload.source}:${r.payload.previousStatus}->${r.payload.status}`);
  const deletesOf = (orderId: string) => fake.requests.filter((r) => r.method === 'DELETE' && r.path === `/v3/orders/${orderId}`).length;

  beforeAll(async () => {
    const base = await fake.start();
    stack = await startStack(['identity', 'logistics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      LALAMOVE_API_URL: base,
      LALAMOVE_API_KEY: fake.apiKey,
      LALAMOVE_API_SECRET: fake.secret,
      LALAMOVE_QUOTATION_SWEEP_SECONDS: '1',
    });
    db = await stack.db('logistics');
    await root();
    [fulfiller, support, buyer] = [await account(['FULFILLER'], 'ful'), await account(['SUPPORT'], 'sup'), await account(['BUYER'], 'buy')];
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await fake.stop();
  });

  it('quotes through a signed request and stores every field of the quotation', async () => {
    const q = await quote({ specialRequests: ['DOOR_TO_DOOR'] });
    const request = fake.requests.at(-1)!;
    expect(request).toEqual(expect.objectContaining({ method: 'POST', path: '/v3/quotations', market: 'PH', signed: true }));
    expect(request.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.body.data).toEqual(
      expect.objectContaining({
        serviceType: 'MOTORCYCLE',
        language: 'en_PH',
        stops: [
          { coordinates: { lat: '14.5547', lng: '121.0244' }, address: STOPS[0].address },
          { coordinates: { lat: '14.5764', lng: '121.0851' }, address: STOPS[1].address },
        ],
        item: { quantity: '12', weight: 'LESS_THAN_3_KG', categories: ['FOOD_DELIVERY'] },
        specialRequests: ['DOOR_TO_DOOR'],
      }),
    );
    expect(q).toEqual(
      expect.objectContaining({
        quotationId: expect.stringMatching(/^\d{19}$/),
        serviceType: 'MOTORCYCLE',
        totalPrice: '109.50',
        currency: 'PHP',
        distance: '3.725',
        distanceUnit: 'km',
        isScheduled: false,
        scheduleAt: null,
        status: 'ACTIVE',
        userId: fulfiller.id,
        specialRequests: ['DOOR_TO_DOOR'],
      }),
    );
    expect(q.stops.map((s: { stopId: string }) => s.stopId)).toEqual([
      expect.stringMatching(/^\d{19}$/),
      expect.stringMatching(/^\d{19}$/),
    ]);
    expect(new Date(q.expiresAt).getTime() - Date.now()).toBeGreaterThan(4 * 60 * 1000);
    const row = (await db.query('SELECT * FROM lalamove_quotations WHERE id = $1', [q.id])).rows[0];
    expect(row).toEqual(
      expect.objectContaining({
        quotation_id: q.quotationId,
        status: 'ACTIVE',
        total_price: '109.50',
        distance: '3.725',
        user_id: fulfiller.id,
      }),
    );
    expect(row.price_breakdown.total).toBe('109.5');
    expect((await send('GET', `/deliveries/quotations/${q.id}`, { token: support.token })).body).toEqual(q);
    const active = await send('GET', '/deliveries/quotations?status=ACTIVE&limit=100');
    expect(active.body.items.map((i: { id: string }) => i.id)).toContain(q.id);

    const scheduled = await quote({ scheduleAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(scheduled.isScheduled).toBe(true);
  });

  it('refuses bad input with problem+json naming the field, and asks Lalamove nothing', async () => {
    const before = fake.requests.length;
    const cases: [unknown, string[]][] = [
      [{ serviceType: 'MOTORCYCLE', stops: [STOPS[0]] }, ['stops']],
      [{ serviceType: 'motor bike', stops: STOPS }, ['serviceType']],
      [{ serviceType: 'MOTORCYCLE', stops: [STOPS[0], { ...STOPS[1], coordinates: { lat: 95, lng: 121 } }] }, ['stops[1].coordinates.lat']],
      [{ serviceType: 'MOTORCYCLE', stops: STOPS, scheduleAt: new Date(Date.now() - 60_000).toISOString() }, ['scheduleAt']],
    ];
    for (const [body, expected] of cases) {
      const answer = await send('POST', '/deliveries/quotations', { body });
      expect([answer.status, fields(answer.body)]).toEqual([400, expected]);
    }
    const q = await quote();
    const badPhone = await send('POST', '/deliveries/orders', {
      body: orderBody(q.quotationId, { recipients: [{ name: 'Ana', phone: 'call me' }] }),
    });
    expect([badPhone.status, fields(badPhone.body)]).toEqual([400, ['recipients[0].phone']]);
    const tooMany = await send('POST', '/deliveries/orders', {
      body: orderBody(q.quotationId, { recipients: [orderBody('x').recipients[0], orderBody('x').recipients[0]] }),
    });
    expect([tooMany.status, fields(tooMany.body)]).toEqual([400, ['recipients']]);
    const unknown = await send('POST', '/deliveries/orders', { body: orderBody('1234567890123456789') });
    expect([unknown.status, fields(unknown.body)]).toEqual([404, ['quotationId']]);
    expect(fake.requests.slice(before).filter((r) => r.path !== '/v3/quotations')).toEqual([]);
  });

  it('places an order and follows webhooks duplicated, out of order and badly signed to COMPLETED with its proof', async () => {
    const q = await quote();
    const placed = await send('POST', '/deliveries/orders', { body: orderBody(q.quotationId) });
    expect(placed.status).toBe(201);
    const order = placed.body;
    expect(order).toEqual(
      expect.objectContaining({
        orderId: expect.stringMatching(/^\d{19}$/),
        quotationId: q.quotationId,
        status: 'ASSIGNING_DRIVER',
        driverId: null,
        shareLink: expect.stringContaining(order.orderId),
        totalPrice: '109.50',
        distance: '3.725',
        isPODEnabled: true,
        orderReference: 'MASH-0042',
        userId: fulfiller.id,
      }),
    );
    expect(fake.orders.has(order.orderId)).toBe(true); // the exact 19 digits, kept as a string
    const sent = fake.requests.find((r) => r.path === '/v3/orders' && r.body?.data?.quotationId === q.quotationId)!;
    expect(sent.body.data).toEqual(
      expect.objectContaining({
        sender: { stopId: q.stops[0].stopId, name: 'Farm dispatch', phone: '+639170000001' },
        recipients: [{ stopId: q.stops[1].stopId, name: 'Ana Reyes', phone: '+639170000002', remarks: 'Back door' }],
        isPODEnabled: true,
      }),
    );
    expect((await send('GET', `/deliveries/quotations/${q.id}`)).body.status).toBe('USED');
    expect((await stored(order.id)).order_id).toBe(order.orderId);

    // badly signed: wrong secret, or a body changed after signing -> 401, nothing stored
    const rows = await webhookRows();
    fake.move(order.orderId, 'ON_GOING');
    const forged = await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { status: 'COMPLETED', secret: 'sk_test_notthesecret' }));
    expect([forged.status, forged.body.code]).toEqual([401, 'LOGISTICS.WEBHOOK_SIGNATURE_INVALID']);
    const tampered = fake
      .webhook('ORDER_STATUS_CHANGED', order.orderId, { status: 'ON_GOING' })
      .replace('"status":"ON_GOING"', '"status":"COMPLETED"');
    expect((await hook(tampered)).status).toBe(401);
    const otherPath = await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { status: 'ON_GOING', path: '/elsewhere' }));
    expect(otherPath.status).toBe(401);
    expect([await webhookRows(), (await stored(order.id)).status]).toEqual([rows, 'ASSIGNING_DRIVER']);

    const t = Date.now();
    const onGoing = fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { status: 'ON_GOING', updatedAt: new Date(t) });
    expect((await hook(onGoing)).body).toEqual({ received: true, applied: true });
    expect((await hook(onGoing)).body).toEqual({ received: true, applied: false }); // the same eventId again
    const [a, b] = await Promise.all([hook(onGoing), hook(onGoing)]);
    expect([a.body.applied, b.body.applied]).toEqual([false, false]);
    expect((await hook(fake.webhook('DRIVER_ASSIGNED', order.orderId, { updatedAt: new Date(t + 1) }))).body.applied).toBe(true);
    const withDriver = (await send('GET', `/deliveries/orders/${order.id}`, { token: support.token })).body;
    expect(withDriver).toEqual(
      expect.objectContaining({
        status: 'ON_GOING',
        driverId: fake.orders.get(order.orderId)!.driverId,
        driver: expect.objectContaining({ name: 'Pedro Santos', plateNumber: 'NCR 1234' }),
      }),
    );
    const driver = await send('GET', `/deliveries/orders/${order.id}/driver`);
    expect(driver.body).toEqual(
      expect.objectContaining({
        driverId: withDriver.driverId,
        phone: '+639171110000',
        coordinates: expect.objectContaining({ lat: '14.5547' }),
      }),
    );

    fake.move(order.orderId, 'PICKED_UP');
    expect((await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { updatedAt: new Date(t + 60_000) }))).body.applied).toBe(true);
    // late ones: an ASSIGNING_DRIVER and an ON_GOING sent before the pickup arrive after it
    for (const status of ['ASSIGNING_DRIVER', 'ON_GOING'] as const)
      expect(
        (await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { status, updatedAt: new Date(t - 1000) }))).body.applied,
      ).toBe(false);
    expect((await stored(order.id)).status).toBe('PICKED_UP');

    const refused = await send('POST', `/deliveries/orders/${order.id}/cancel`);
    expect([refused.status, refused.body.code]).toEqual([409, 'LOGISTICS.DELIVERY_CANCEL_NOT_ALLOWED']);
    expect(refused.body.detail ?? refused.body.message ?? JSON.stringify(refused.body)).toMatch(/pick/i);
    expect(deletesOf(order.orderId)).toBe(0);

    fake.move(order.orderId, 'COMPLETED');
    expect((await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { updatedAt: new Date(t + 120_000) }))).body.applied).toBe(true);
    for (const status of ['PICKED_UP', 'CANCELED'] as const)
      expect(
        (await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { status, updatedAt: new Date(t + 180_000) }))).body.applied,
      ).toBe(false);
    const reads = () => fake.requests.filter((r) => r.method === 'GET' && r.path === `/v3/orders/${order.orderId}`).length;
    const pod = await send('GET', `/deliveries/orders/${order.id}/proof-of-delivery`, { token: support.token });
    expect(pod.body).toEqual({
      isPODEnabled: true,
      podStatus: 'DELIVERED',
      podImage: `https://fake/pod/${order.orderId}-1.jpg`,
      podSignature: null,
      deliveredAt: expect.any(String),
    });
    expect(reads()).toBe(1);
    expect((await send('GET', `/deliveries/orders/${order.id}/proof-of-delivery`)).body).toEqual(pod.body);
    expect(reads()).toBe(1); // a final proof is not read again
    expect(await stored(order.id)).toEqual(
      expect.objectContaining({
        status: 'COMPLETED',
        pod_status: 'DELIVERED',
        pod_image: pod.body.podImage,
        driver_id: withDriver.driverId,
      }),
    );
    expect(await changes(order.id)).toEqual([
      'API:null->ASSIGNING_DRIVER',
      'WEBHOOK:ASSIGNING_DRIVER->ON_GOING',
      'WEBHOOK:ON_GOING->PICKED_UP',
      'WEBHOOK:PICKED_UP->COMPLETED',
    ]);
  });

  it('carries the proof of delivery in the COMPLETED event when the webhook brings it', async () => {
    const order = await place();
    fake.move(order.orderId, 'ON_GOING');
    fake.move(order.orderId, 'COMPLETED');
    // COMPLETED arrives first, the ON_GOING and PICKED_UP before it come late and change nothing
    expect((await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { withPod: true }))).body.applied).toBe(true);
    for (const status of ['ON_GOING', 'PICKED_UP'] as const)
      expect(
        (await hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { status, updatedAt: new Date(Date.now() - 5000) }))).body.applied,
      ).toBe(false);
    const events = await db.query(
      `SELECT payload FROM outbox_event WHERE subject = 'evt.logistics.delivery.status-changed' AND payload->>'deliveryOrderId' = $1 AND payload->>'status' = 'COMPLETED'`,
      [order.id],
    );
    expect(events.rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({
        lalamoveOrderId: order.orderId,
        orderReference: 'MASH-0042',
        previousStatus: 'ASSIGNING_DRIVER',
        proofOfDelivery: expect.objectContaining({ status: 'DELIVERED', imageUrl: `https://fake/pod/${order.orderId}-1.jpg` }),
      }),
    ]);
  });

  it('takes a driver giving the order up only when it is newer than what it holds', async () => {
    const order = await place();
    const t = Date.now() - 60_000;
    const status = (s: 'ON_GOING' | 'ASSIGNING_DRIVER', at: number) =>
      hook(fake.webhook('ORDER_STATUS_CHANGED', order.orderId, { status: s, updatedAt: new Date(at) }));
    fake.move(order.orderId, 'ON_GOING');
    expect((await status('ON_GOING', t)).body.applied).toBe(true);
    expect((await hook(fake.webhook('DRIVER_ASSIGNED', order.orderId, { updatedAt: new Date(t + 1) }))).body.applied).toBe(true);
    expect((await status('ASSIGNING_DRIVER', t - 5000)).body.applied).toBe(false); // from before the driver took it
    expect((await status('ASSIGNING_DRIVER', t + 10_000)).body.applied).toBe(true); // the driver gave it up
    expect(await stored(order.id)).toEqual(expect.objectContaining({ status: 'ASSIGNING_DRIVER', driver_id: null, driver: null }));
    expect((await status('ON_GOING', t + 20_000)).body.applied).toBe(true);
    expect((await hook(fake.webhook('DRIVER_ASSIGNED', order.orderId, { updatedAt: new Date(t + 20_001) }))).body.applied).toBe(true);
    expect((await hook(fake.webhook('DRIVER_ASSIGNED', order.orderId, { updatedAt: new Date(t + 1) }))).body.applied).toBe(false);
    expect(await stored(order.id)).toEqual(expect.objectContaining({ status: 'ON_GOING', driver_id: expect.any(String) }));
    expect(await changes(order.id)).toEqual([
      'API:null->ASSIGNING_DRIVER',
      'WEBHOOK:ASSIGNING_DRIVER->ON_GOING',
      'WEBHOOK:ON_GOING->ASSIGNING_DRIVER',
      'WEBHOOK:ASSIGNING_DRIVER->ON_GOING',
    ]);
  });

  it('expires a quotation after its expiresAt: EXPIRED, and placing it is 409 without asking Lalamove', async () => {
    fake.quotationTtlMs = 1200;
    const q = await quote().finally(() => (fake.quotationTtlMs = 5 * 60 * 1000));
    expect(q.status).toBe('ACTIVE');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await send('GET', `/deliveries/quotations/${q.id}`)).body.status).toBe('EXPIRED');
    const placed = await send('POST', '/deliveries/orders', { body: orderBody(q.quotationId) });
    expect([placed.status, placed.body.code, fields(placed.body)]).toEqual([409, 'LOGISTICS.DELIVERY_QUOTATION_EXPIRED', ['quotationId']]);
    expect(fake.ordersOf(q.quotationId)).toEqual([]);
    expect(fake.requests.filter((r) => r.path === '/v3/orders' && r.body?.data?.quotationId === q.quotationId)).toEqual([]);
    const row = await eventually(
      async () => (await db.query('SELECT status FROM lalamove_quotations WHERE id = $1', [q.id])).rows[0],
      (r) => r.status === 'EXPIRED',
      5000,
    );
    expect(row.status).toBe('EXPIRED');
    const expired = await send('GET', '/deliveries/quotations?status=EXPIRED&limit=100');
    expect(expired.body.items.map((i: { id: string }) => i.id)).toContain(q.id);
  });

  it('places one order per quotation under concurrent place-order calls', async () => {
    const q = await quote();
    fake.orderDelayMs = 300;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => send('POST', '/deliveries/orders', { body: orderBody(q.quotationId) })),
    ).finally(() => (fake.orderDelayMs = 0));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.code))).toEqual(
      new Set(['LOGISTICS.DELIVERY_QUOTATION_USED']),
    );
    expect(fake.ordersOf(q.quotationId)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/v3/orders' && r.body?.data?.quotationId === q.quotationId)).toHaveLength(1);
    const rows = await db.query('SELECT order_id FROM lalamove_orders WHERE quotation_id = $1', [q.quotationId]);
    expect(rows.rows).toEqual([{ order_id: fake.ordersOf(q.quotationId)[0].orderId }]);
    const again = await send('POST', '/deliveries/orders', { body: orderBody(q.quotationId) });
    expect([again.status, again.body.code]).toEqual([409, 'LOGISTICS.DELIVERY_QUOTATION_USED']);
  });

  it('gives the quotation back when Lalamove fails to place the order', async () => {
    const q = await quote();
    fake.failNext = 1;
    const failed = await send('POST', '/deliveries/orders', { body: orderBody(q.quotationId) });
    expect([failed.status, failed.body.code]).toEqual([503, 'LOGISTICS.LALAMOVE_UNAVAILABLE']);
    expect((await send('GET', `/deliveries/quotations/${q.id}`)).body.status).toBe('ACTIVE');
    expect((await db.query('SELECT count(*)::int AS n FROM lalamove_orders WHERE quotation_id = $1', [q.quotationId])).rows[0].n).toBe(0);
    const retried = await send('POST', '/deliveries/orders', { body: orderBody(q.quotationId) });
    expect([retried.status, retried.body.status]).toEqual([201, 'ASSIGNING_DRIVER']);
    expect((await send('GET', `/deliveries/quotations/${q.id}`)).body.status).toBe('USED');
  });

  it('cancels where Lalamove allows it and refuses clearly elsewhere', async () => {
    // while Lalamove looks for a driver
    const waiting = await place();
    const cancelled = await send('POST', `/deliveries/orders/${waiting.id}/cancel`);
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'CANCELED']);
    expect(fake.orders.get(waiting.orderId)!.status).toBe('CANCELED');
    expect((await hook(fake.webhook('ORDER_STATUS_CHANGED', waiting.orderId, { status: 'ON_GOING' }))).body.applied).toBe(false);
    expect(await changes(waiting.id)).toEqual(['API:null->ASSIGNING_DRIVER', 'API:ASSIGNING_DRIVER->CANCELED']);
    const twice = await send('POST', `/deliveries/orders/${waiting.id}/cancel`);
    expect([twice.status, twice.body.code]).toEqual([409, 'LOGISTICS.DELIVERY_CANCEL_NOT_ALLOWED']);

    // a driver took it a minute ago: within the window
    const fresh = await place();
    fake.move(fresh.orderId, 'ON_GOING', { onGoingAt: Date.now() - 60_000 });
    await hook(fake.webhook('ORDER_STATUS_CHANGED', fresh.orderId, { updatedAt: new Date(Date.now() - 60_000) }));
    expect((await send('POST', `/deliveries/orders/${fresh.id}/cancel`)).status).toBe(200);

    // a driver took it ten minutes ago: refused here, Lalamove is not asked
    const late = await place();
    fake.move(late.orderId, 'ON_GOING', { onGoingAt: Date.now() - 600_000 });
    await hook(fake.webhook('ORDER_STATUS_CHANGED', late.orderId, { updatedAt: new Date(Date.now() - 600_000) }));
    const tooLate = await send('POST', `/deliveries/orders/${late.id}/cancel`);
    expect([tooLate.status, tooLate.body.code]).toEqual([409, 'LOGISTICS.DELIVERY_CANCEL_NOT_ALLOWED']);
    expect(deletesOf(late.orderId)).toBe(0);
    expect((await stored(late.id)).status).toBe('ON_GOING');

    // picked up at Lalamove before its webhook reached us: Lalamove's refusal is the same 409
    const raced = await place();
    fake.move(raced.orderId, 'PICKED_UP');
    const refused = await send('POST', `/deliveries/orders/${raced.id}/cancel`);
    expect([refused.status, refused.body.code]).toEqual([409, 'LOGISTICS.DELIVERY_CANCEL_NOT_ALLOWED']);
    expect(deletesOf(raced.orderId)).toBe(1);
    expect((await stored(raced.id)).status).toBe('ASSIGNING_DRIVER');
  });

  it('answers Lalamove webhooks that change nothing without storing a status', async () => {
    const rows = await webhookRows();
    const check = await fetch(`${stack.base}/api/v1/webhooks/lalamove`, { method: 'POST' });
    expect(check.status).toBe(200); // Lalamove's empty check of a new webhook URL
    expect((await hook('not json')).status).toBe(400); // the gateway refuses a body that is not JSON
    const unknown = await hook(fake.webhook('ORDER_STATUS_CHANGED', '9999999999999999999', { status: 'ON_GOING' }));
    expect([unknown.status, unknown.body.code]).toEqual([503, 'LOGISTICS.DELIVERY_ORDER_NOT_YET_KNOWN']); // Lalamove retries it
    expect(await webhookRows()).toBe(rows);
    const order = await place();
    const amount = await hook(fake.webhook('ORDER_AMOUNT_CHANGED', order.orderId));
    expect(amount.body).toEqual({ received: true, applied: false });
    expect(await webhookRows()).toBe(rows + 1);
  });

  it('keeps deliveries to staff: permissions, anonymous callers and unknown ids', async () => {
    const order = await place();
    const q = await quote();
    const reads = ['/deliveries/quotations', `/deliveries/quotations/${q.id}`, '/deliveries/orders', `/deliveries/orders/${order.id}`];
    for (const path of reads) {
      expect((await send('GET', path, { token: buyer.token })).status).toBe(403);
      expect((await send('GET', path, { token: null })).status).toBe(401);
      expect((await send('GET', path, { token: support.token })).status).toBe(200);
    }
    const supportQuote = await send('POST', '/deliveries/quotations', {
      token: support.token,
      body: { serviceType: 'MOTORCYCLE', stops: STOPS },
    });
    expect([supportQuote.status, supportQuote.body.code]).toEqual([403, 'AUTH.PERMISSION_DENIED']);
    expect((await send('POST', '/deliveries/orders', { token: support.token, body: orderBody(q.quotationId) })).status).toBe(403);
    expect((await send('POST', `/deliveries/orders/${order.id}/cancel`, { token: support.token })).status).toBe(403);
    expect((await send('POST', `/deliveries/orders/${order.id}/cancel`, { token: buyer.token })).status).toBe(403);
    expect((await send('GET', `/deliveries/quotations/${q.id}`)).body.status).toBe('ACTIVE');
    expect((await stored(order.id)).status).toBe('ASSIGNING_DRIVER');
    const missing = await send('GET', `/deliveries/orders/${randomUUID()}`);
    expect([missing.status, missing.body.code, fields(missing.body)]).toEqual([
      404,
      'LOGISTICS.DELIVERY_ORDER_NOT_FOUND',
      ['deliveryOrderId'],
    ]);
    expect((await send('GET', `/deliveries/quotations/${randomUUID()}`)).status).toBe(404);
    const noDriver = await send('GET', `/deliveries/orders/${order.id}/driver`);
    expect([noDriver.status, noDriver.body.code]).toEqual([409, 'LOGISTICS.DELIVERY_NO_DRIVER']);
  });

  it('never writes the API secret to a log', () => {
    expect(stack.services.logistics.output()).not.toContain(fake.secret);
    expect(stack.gateway.output()).not.toContain(fake.secret);
  });
});
