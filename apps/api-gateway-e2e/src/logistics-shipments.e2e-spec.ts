import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { logisticsFixtures } from './logistics-fixtures';
import { eventually } from './processes';
import { insertStore, shopFixtures } from './shop-fixtures';
import { json, Stack, startStack } from './stack';

const tn = () => `LBC${randomBytes(6).toString('hex').toUpperCase()}`;

/**
 * Shipments through the gateway: opened by staff for web-shop orders (quantities checked against the
 * order) or by fulfillment's SHIPPED event (once), moved by staff forward only, the proof of delivery,
 * exceptions, ownership (buyers their orders', seller teams their stores', staff all; others 404),
 * and orders moving the order to SHIPPED and DELIVERED from logistics' events.
 */
describe('logistics: shipments', () => {
  let stack: Stack;
  let catalogDb: Client;
  let ordersDb: Client;
  let db: Client;
  let storeId: string;
  const client = identityClient(() => stack);
  const { call, account, root } = client;
  const { product, buyer } = shopFixtures(
    client,
    () => catalogDb,
    () => storeId,
  );
  const fx = logisticsFixtures(
    () => stack,
    () => db,
  );

  /** A COD web-shop order of two units (CONFIRMED), once logistics knows it. */
  const webOrder = async () => {
    const b = await buyer(await product(20), 2);
    const response = await call('POST', '/checkout', {
      token: b.user.token,
      body: { cartId: b.cartId, shippingAddressId: b.addressId, paymentMethod: 'COD' },
      headers: { 'idempotency-key': randomBytes(16).toString('base64url') },
    });
    if (response.status !== 201) throw new Error(`checkout answered ${response.status}: ${await response.text()}`);
    const order = await json(response);
    await eventually(
      () => db.query('SELECT 1 FROM shipment_orders WHERE order_id = $1', [order.id]),
      (r) => r.rowCount === 1,
      20000,
    );
    return { user: b.user, orderId: order.id as string, itemId: order.items[0].id as string };
  };
  const orderRow = async (orderId: string) => (await ordersDb.query('SELECT status FROM orders WHERE id = $1', [orderId])).rows[0];
  const itemStatus = async (itemId: string) =>
    (await ordersDb.query('SELECT fulfillment_status FROM order_items WHERE id = $1', [itemId])).rows[0].fulfillment_status;
  const problem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return json(response);
  };

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders', 'logistics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
      TRACKING_POLL_INTERVAL_SECONDS: '0',
    });
    [catalogDb, ordersDb, db] = [await stack.db('catalog'), await stack.db('orders'), await stack.db('logistics')];
    storeId = await insertStore(catalogDb);
    await fx.consumersReady();
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  it("staff open a shipment for a web-shop order (bad input named); the order moves to SHIPPED and DELIVERED from logistics' events", async () => {
    const { user, orderId, itemId } = await webOrder();
    const fulfiller = await account(['FULFILLER'], 'fulfiller');
    const create = (body: object, token = fulfiller.token) => call('POST', '/shipments', { token, body });
    const line = (quantity: number, orderItemId = itemId) => [{ orderItemId, quantity }];

    expect((await create({ orderId, items: line(1) }, user.token)).status).toBe(403);
    const unknown = await problem(await create({ orderId: randomUUID(), items: line(1) }), 404);
    expect(unknown).toMatchObject({ code: 'LOGISTICS.ORDER_NOT_FOUND', errors: [expect.objectContaining({ field: 'orderId' })] });
    const above = await problem(await create({ orderId, items: line(3) }), 409);
    expect(above).toMatchObject({
      code: 'LOGISTICS.QUANTITY_ABOVE_ORDERED',
      errors: [expect.objectContaining({ field: 'items[0].quantity' })],
    });
    const stranger = await problem(await create({ orderId, items: line(1, randomUUID()) }), 400);
    expect(stranger.errors).toEqual([expect.objectContaining({ field: 'items[0].orderItemId' })]);
    const badCost = await problem(await create({ orderId, items: line(1), cost: '12.345' }), 400);
    expect(badCost.errors.map((e: { field: string }) => e.field)).toEqual([expect.stringMatching(/cost$/)]);

    const number = tn();
    const created = await create({
      orderId,
      items: line(2),
      carrier: 'LBC',
      trackingNumber: number,
      service: 'Express',
      labelRef: 'labels/lbc.pdf',
      cost: '120.5',
      currency: 'PHP',
      weight: '1.25',
      weightUnit: 'kg',
      trackingProvider: 'MANUAL',
    });
    expect(created.status).toBe(201);
    const shipment = await json(created);
    expect(shipment).toMatchObject({
      orderId,
      status: 'CREATED',
      source: 'API',
      carrier: 'LBC',
      trackingNumber: number,
      cost: '120.50',
      currency: 'PHP',
      weight: '1.250',
      items: [{ orderItemId: itemId, quantity: 2 }],
      legs: [expect.objectContaining({ sequence: 1, carrier: 'LBC', trackingNumber: number })],
    });
    // both units are in a shipment now
    expect((await problem(await create({ orderId, items: line(1) }), 409)).code).toBe('LOGISTICS.QUANTITY_ABOVE_ORDERED');

    const move = (body: object) => call('POST', `/shipments/${shipment.id}/status`, { token: fulfiller.token, body });
    expect(await json(await move({ status: 'DISPATCHED', location: 'Farm, Benguet' }))).toMatchObject({ status: 'DISPATCHED' });
    await eventually(
      () => orderRow(orderId),
      (o) => o.status === 'SHIPPED',
      20000,
    );
    expect(await itemStatus(itemId)).toBe('SHIPPED');
    const history = await ordersDb.query('SELECT to_status, reason FROM order_status_history WHERE order_id = $1 ORDER BY created_at, id', [
      orderId,
    ]);
    expect(history.rows.at(-1)).toEqual({ to_status: 'SHIPPED', reason: `shipment ${shipment.id} shipped` });

    const back = await problem(await move({ status: 'CREATED' }), 409);
    expect(back).toMatchObject({ code: 'LOGISTICS.ILLEGAL_TRANSITION', errors: [expect.objectContaining({ field: 'status' })] });
    expect((await problem(await move({ status: 'SOMEWHERE' }), 400)).errors).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/status$/) }),
    ]);

    const pod = {
      signedBy: 'Ana Cruz',
      photoRef: 'pod/1.jpg',
      signatureRef: 'pod/1.png',
      location: 'Makati',
      receivedAt: new Date().toISOString(),
    };
    const delivered = await call('POST', `/shipments/${shipment.id}/proof-of-delivery`, { token: fulfiller.token, body: pod });
    expect(delivered.status).toBe(200);
    expect(await json(delivered)).toMatchObject({
      status: 'DELIVERED',
      deliveredAt: pod.receivedAt,
      proofOfDelivery: pod,
    });
    await eventually(
      () => orderRow(orderId),
      (o) => o.status === 'DELIVERED',
      20000,
    );
    expect(await itemStatus(itemId)).toBe('DELIVERED');

    const events = await fx.statusEvents(shipment.id);
    expect(events.map((e) => [e.previousStatus, e.status])).toEqual([
      ['CREATED', 'DISPATCHED'],
      ['DISPATCHED', 'DELIVERED'],
    ]);
    expect(events[1]).toMatchObject({
      orderId,
      userId: user.id,
      items: [{ orderItemId: itemId, quantity: 2 }],
      proofOfDelivery: { signedBy: 'Ana Cruz' },
    });
    const timeline = await json(await call('GET', `/shipments/${shipment.id}/tracking`, { token: user.token }));
    expect(timeline.map((e: { status: string; provider: string }) => [e.provider, e.status])).toEqual([
      ['MANUAL', 'DISPATCHED'],
      ['MANUAL', 'DELIVERED'],
    ]);
  }, 90000);

  it("opens a shipment once from fulfillment's SHIPPED event, without failed items; owners arrive with the order event, even after it", async () => {
    const orderId = randomUUID();
    const [shippedItem, failedItem] = [randomUUID(), randomUUID()];
    const fulfillmentId = randomUUID();
    const number = tn();
    const event = {
      fulfillmentId,
      orderId,
      trackingNumber: number,
      carrier: 'J&T',
      items: [
        { orderItemId: shippedItem, quantity: 3 },
        { orderItemId: failedItem, quantity: 1, status: 'FAILED' },
      ],
    };
    await fx.fulfillmentStatus({ ...event, status: 'IN_PRODUCTION' });
    expect((await db.query('SELECT count(*) FROM shipments WHERE fulfillment_id = $1', [fulfillmentId])).rows[0].count).toBe('0');
    const { shipmentId } = await fx.fulfillmentStatus(event);
    await fx.fulfillmentStatus(event); // the same report again, under another message id
    expect((await db.query('SELECT count(*) FROM shipments WHERE fulfillment_id = $1', [fulfillmentId])).rows[0].count).toBe('1');
    const row = (
      await db.query('SELECT status, source, user_id, tracking_provider, dispatched_at FROM shipments WHERE id = $1', [shipmentId])
    ).rows[0];
    expect(row).toMatchObject({ status: 'DISPATCHED', source: 'FULFILLMENT', user_id: null, tracking_provider: 'AFTERSHIP' });
    expect(row.dispatched_at).not.toBeNull();
    expect((await fx.statusEvents(shipmentId!)).map((e) => e.status)).toEqual(['DISPATCHED']);

    const buyerAccount = await account();
    await fx.orderPlaced({
      orderId,
      userId: buyerAccount.id,
      items: [
        { orderItemId: shippedItem, quantity: 3 },
        { orderItemId: failedItem, quantity: 1 },
      ],
    });
    const seen = await call('GET', `/shipments/${shipmentId}`, { token: buyerAccount.token });
    expect(seen.status).toBe(200);
    expect(await json(seen)).toMatchObject({
      fulfillmentId,
      status: 'DISPATCHED',
      carrier: 'J&T',
      trackingNumber: number,
      items: [{ orderItemId: shippedItem, quantity: 3 }],
      legs: [expect.objectContaining({ sequence: 1, carrier: 'J&T', trackingNumber: number, status: 'DISPATCHED' })],
    });
  }, 60000);

  it("buyers see their orders' shipments, seller teams their stores', staff all; anyone else gets 404", async () => {
    const [buyerA, buyerB] = [await account(), await account()];
    const [seller, otherSeller, support] = [
      await account(['SELLER'], 'seller'),
      await account(['SELLER'], 'seller'),
      await account(['SUPPORT'], 'support'),
    ];
    const rootToken = (await root()).token;
    const team = await json(
      await call('POST', '/teams', { token: rootToken, body: { name: `Shipping team ${randomUUID().slice(0, 6)}` } }),
    );
    expect((await call('POST', `/teams/${team.id}/members`, { token: rootToken, body: { userId: seller.id } })).status).toBe(201);

    const open = async (owner: { userId?: string; teamId?: string }) => {
      const orderId = randomUUID();
      const items = [{ orderItemId: randomUUID(), quantity: 1 }];
      await fx.orderPlaced({ orderId, ...owner, storeId: owner.teamId ? randomUUID() : null, items });
      const { shipmentId } = await fx.fulfillmentStatus({ orderId, trackingNumber: tn(), carrier: 'LBC', items });
      return { orderId, shipmentId: shipmentId! };
    };
    const a = await open({ userId: buyerA.id });
    const t = await open({ teamId: team.id });
    const get = (id: string, who: Account, suffix = '') => call('GET', `/shipments/${id}${suffix}`, { token: who.token });
    const ids = async (who: Account, query = '') =>
      (await json(await call('GET', `/shipments${query}`, { token: who.token }))).items.map((s: { id: string }) => s.id);

    for (const suffix of ['', '/tracking', '/exceptions']) {
      expect((await get(a.shipmentId, buyerA, suffix)).status).toBe(200);
      expect((await get(t.shipmentId, seller, suffix)).status).toBe(200);
      expect((await get(a.shipmentId, support, suffix)).status).toBe(200);
      for (const [id, who] of [
        [a.shipmentId, buyerB],
        [a.shipmentId, seller],
        [t.shipmentId, buyerA],
        [t.shipmentId, otherSeller],
      ] as const) {
        const hidden = await problem(await get(id, who, suffix), 404);
        expect(hidden).toMatchObject({ code: 'LOGISTICS.SHIPMENT_NOT_FOUND', errors: [expect.objectContaining({ field: 'shipmentId' })] });
      }
    }
    expect(await ids(buyerA)).toEqual([a.shipmentId]);
    expect(await ids(seller)).toEqual([t.shipmentId]);
    expect(await ids(buyerB)).toEqual([]);
    expect(await ids(support, `?orderId=${t.orderId}`)).toEqual([t.shipmentId]);
    expect(await ids(support, `?status=DELIVERED&orderId=${t.orderId}`)).toEqual([]);
    // a buyer may read but not change: the permission is refused at the gateway
    expect((await call('PATCH', `/shipments/${a.shipmentId}`, { token: buyerA.token, body: { service: 'x' } })).status).toBe(403);
    const badFilter = await problem(await call('GET', '/shipments?status=NOWHERE', { token: support.token }), 400);
    expect(badFilter.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  }, 90000);

  it('staff raise and resolve exceptions, each announced once; a second resolve is 409', async () => {
    const orderId = randomUUID();
    const items = [{ orderItemId: randomUUID(), quantity: 1 }];
    const { shipmentId } = await fx.fulfillmentStatus({ orderId, trackingNumber: tn(), carrier: 'LBC', items });
    const support = await account(['SUPPORT'], 'support');
    const raise = (body: object) => call('POST', `/shipments/${shipmentId}/exceptions`, { token: support.token, body });
    expect((await problem(await raise({ type: 'DAMAGE' }), 400)).errors).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/description$/) }),
    ]);
    expect((await problem(await raise({ type: 'BROKEN', description: 'x' }), 400)).errors).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/type$/) }),
    ]);
    const raised = await raise({ type: 'DAMAGE', severity: 'HIGH', description: 'Box crushed at the hub' });
    expect(raised.status).toBe(201);
    const x = await json(raised);
    expect(x).toMatchObject({ type: 'DAMAGE', severity: 'HIGH', source: 'STAFF', resolution: null, resolvedAt: null });
    const resolve = () =>
      call('POST', `/shipments/${shipmentId}/exceptions/${x.id}/resolve`, { token: support.token, body: { resolution: 'Reshipped' } });
    const resolved = await resolve();
    expect(resolved.status).toBe(200);
    expect(await json(resolved)).toMatchObject({ id: x.id, resolution: 'Reshipped', resolvedAt: expect.any(String) });
    expect((await problem(await resolve(), 409)).code).toBe('LOGISTICS.EXCEPTION_ALREADY_RESOLVED');
    expect(
      (
        await problem(
          await call('POST', `/shipments/${shipmentId}/exceptions/${randomUUID()}/resolve`, {
            token: support.token,
            body: { resolution: 'x' },
          }),
          404,
        )
      ).code,
    ).toBe('LOGISTICS.EXCEPTION_NOT_FOUND');
    expect(
      (await fx.outboxOf('evt.logistics.shipment-exception.raised', shipmentId!)).map((e) => [e.exceptionId, e.type, e.orderId]),
    ).toEqual([[x.id, 'DAMAGE', orderId]]);
    expect((await fx.outboxOf('evt.logistics.shipment-exception.resolved', shipmentId!)).map((e) => [e.exceptionId, e.resolution])).toEqual(
      [[x.id, 'Reshipped']],
    );
  }, 60000);
});
