import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { Account, identityClient, ROOT } from './identity-client';
import {
  answer,
  DeliveredOrder,
  fields,
  LOGISTICS_DURABLES,
  logisticsFixtures,
  RETURN_COMPLETED,
  SHIPMENT_STATUS_CHANGED,
} from './returns-fixtures';
import { eventually } from './processes';
import { insertStore } from './shop-fixtures';
import { Stack, startStack } from './stack';

/**
 * Returns end to end: a real checkout, a DELIVERED shipment event, the RMA and its lifecycle, the
 * refund made once by orders and the restock by catalog, asserted in their databases.
 */
describe('logistics returns: delivered items, RMAs, refund once and restock', () => {
  let stack: Stack;
  let catalog: Client;
  let orders: Client;
  let logistics: Client;
  let storeId: string;
  let support: Account;
  const client = identityClient(() => stack);
  const { call, account } = client;
  const fx = logisticsFixtures(
    client,
    () => stack,
    () => ({ catalog, orders, logistics }),
    () => storeId,
  );
  const openReturn = (o: DeliveredOrder, items: { orderItemId: string; quantity: number }[], token = o.buyer.token, extra = {}) =>
    answer(
      call('POST', '/returns', {
        token,
        body: {
          orderId: o.orderId,
          items,
          reason: 'DEFECTIVE',
          photos: ['https://cdn.test/crack.jpg'],
          customerNotes: 'cracked',
          ...extra,
        },
      }),
    );
  const move = (returnId: string, body: object, token = support.token) =>
    answer(call('POST', `/returns/${returnId}/status`, { token, body }));

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders', 'logistics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
      RETURN_WINDOW_DAYS: '14',
    });
    [catalog, orders, logistics] = [await stack.db('catalog'), await stack.db('orders'), await stack.db('logistics')];
    storeId = await insertStore(catalog);
    support = await account(['SUPPORT'], 'support');
    await fx.durablesUp();
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('records what a DELIVERED shipment brought, once however often it arrives; other statuses record nothing', async () => {
    const o = await fx.paidOrder();
    const event = fx.delivered(o);
    const id = await fx.publish(SHIPMENT_STATUS_CHANGED, event, LOGISTICS_DURABLES.delivered);
    await fx.publish(SHIPMENT_STATUS_CHANGED, event, LOGISTICS_DURABLES.delivered, id); // a redelivery
    await fx.publish(SHIPMENT_STATUS_CHANGED, event, LOGISTICS_DURABLES.delivered); // the same delivery reported again
    await fx.publish(SHIPMENT_STATUS_CHANGED, { ...event, shipmentId: randomUUID(), status: 'IN_TRANSIT' }, LOGISTICS_DURABLES.delivered);
    const rows = (
      await logistics.query(
        'SELECT order_item_id, quantity, user_id, shipment_id FROM delivered_items WHERE order_id = $1 ORDER BY quantity DESC',
        [o.orderId],
      )
    ).rows;
    expect(rows).toEqual([
      { order_item_id: o.tee.itemId, quantity: 2, user_id: o.buyer.id, shipment_id: event.shipmentId },
      { order_item_id: o.mug.itemId, quantity: 1, user_id: o.buyer.id, shipment_id: event.shipmentId },
    ]);
    const lines = (
      await logistics.query('SELECT order_item_id, product_id, system_variant_id FROM order_lines WHERE order_id = $1', [o.orderId])
    ).rows;
    expect(lines).toEqual(
      expect.arrayContaining([
        { order_item_id: o.tee.itemId, product_id: o.tee.productId, system_variant_id: o.tee.variantId },
        { order_item_id: o.mug.itemId, product_id: o.mug.productId, system_variant_id: null },
      ]),
    );
  }, 90000);

  it("refuses another buyer's order as 404, bad input as 400 naming the field, and more than delivered as 409 naming the item", async () => {
    const o = await fx.deliveredOrder();
    const other = await account(['USER'], 'other');
    const foreign = await openReturn(o, [{ orderItemId: o.tee.itemId, quantity: 1 }], other.token);
    expect([foreign.status, foreign.body.code, fields(foreign.body)]).toEqual([404, 'LOGISTICS.ORDER_NOT_FOUND', ['orderId']]);
    const unknown = await answer(
      call('POST', '/returns', {
        token: o.buyer.token,
        body: { orderId: randomUUID(), items: [{ orderItemId: o.tee.itemId, quantity: 1 }], reason: 'DEFECTIVE' },
      }),
    );
    expect(unknown.status).toBe(404);

    const badReason = await openReturn(o, [{ orderItemId: o.tee.itemId, quantity: 1 }], o.buyer.token, { reason: 'BORED' });
    expect([badReason.status, fields(badReason.body)]).toEqual([400, ['reason']]);
    const zero = await openReturn(o, [{ orderItemId: o.tee.itemId, quantity: 0 }]);
    expect(zero.status).toBe(400);
    expect(fields(zero.body)[0]).toMatch(/^items(\[0\]|\.0)\.quantity$/);
    const twice = await openReturn(o, [
      { orderItemId: o.tee.itemId, quantity: 1 },
      { orderItemId: o.tee.itemId, quantity: 1 },
    ]);
    expect([twice.status, fields(twice.body)]).toEqual([400, ['items[1].orderItemId']]);

    const tooMany = await openReturn(o, [
      { orderItemId: o.mug.itemId, quantity: 1 },
      { orderItemId: o.tee.itemId, quantity: 3 },
    ]);
    expect([tooMany.status, tooMany.body.code, fields(tooMany.body)]).toEqual([
      409,
      'LOGISTICS.RETURN_QUANTITY_EXCEEDED',
      ['items[1].quantity'],
    ]);
    expect(tooMany.body).toMatchObject({ orderItemId: o.tee.itemId, delivered: 2, returned: 0, returnable: 2 });
    const notDelivered = await openReturn(o, [{ orderItemId: randomUUID(), quantity: 1 }]);
    expect([notDelivered.status, notDelivered.body.code, fields(notDelivered.body)]).toEqual([
      409,
      'LOGISTICS.ITEM_NOT_DELIVERED',
      ['items[0].orderItemId'],
    ]);
    expect((await logistics.query('SELECT count(*)::int AS n FROM returns WHERE order_id = $1', [o.orderId])).rows[0].n).toBe(0);
  }, 90000);

  it('refuses a return after the window (409 with the date) and accepts one inside it', async () => {
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const late = await fx.deliveredOrder(undefined, { occurredAt: old, proofOfDelivery: { receivedAt: old } });
    const refused = await openReturn(late, [{ orderItemId: late.tee.itemId, quantity: 1 }]);
    expect([refused.status, refused.body.code, fields(refused.body)]).toEqual([
      409,
      'LOGISTICS.RETURN_WINDOW_CLOSED',
      ['items[0].orderItemId'],
    ]);
    expect(refused.body.detail ?? refused.body.message).toMatch(/14 days after delivery/);
    expect(refused.body.deliveredAt).toBe(new Date(old).toISOString());

    const recent = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const inside = await fx.deliveredOrder(undefined, { occurredAt: recent, proofOfDelivery: { receivedAt: recent } });
    const opened = await openReturn(inside, [{ orderItemId: inside.tee.itemId, quantity: 1 }]);
    expect(opened.status).toBe(201);
    expect(new Date(opened.body.returnWindowEndsAt).getTime()).toBe(new Date(recent).getTime() + 14 * 86_400_000);
  }, 90000);

  it('never returns more than delivered under concurrent requests; a rejected return frees its quantity', async () => {
    const o = await fx.deliveredOrder();
    const raced = await Promise.all(Array.from({ length: 6 }, () => openReturn(o, [{ orderItemId: o.tee.itemId, quantity: 1 }])));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    expect(raced.filter((r) => r.status === 409).every((r) => fields(r.body)[0] === 'items[0].quantity')).toBe(true);
    const held = await logistics.query(
      'SELECT coalesce(sum(quantity), 0)::int AS n, count(DISTINCT r.rma_number)::int AS rmas FROM return_items i JOIN returns r ON r.id = i.return_id WHERE i.order_item_id = $1',
      [o.tee.itemId],
    );
    expect(held.rows[0]).toEqual({ n: 2, rmas: 2 });

    const first = raced.find((r) => r.status === 201)!.body;
    expect((await move(first.id, { status: 'REJECTED', note: 'not a defect' })).status).toBe(200);
    expect((await openReturn(o, [{ orderItemId: o.tee.itemId, quantity: 1 }])).status).toBe(201);
    expect((await openReturn(o, [{ orderItemId: o.tee.itemId, quantity: 1 }])).status).toBe(409);
  }, 90000);

  it('runs the lifecycle with legal moves only, refunds once in orders under a duplicated completion and restocks resellable units in catalog', async () => {
    const o = await fx.deliveredOrder();
    const opened = await openReturn(o, [
      { orderItemId: o.tee.itemId, quantity: 2 },
      { orderItemId: o.mug.itemId, quantity: 1 },
    ]);
    expect(opened.status).toBe(201);
    const r = opened.body;
    expect(r).toMatchObject({ orderId: o.orderId, userId: o.buyer.id, status: 'REQUESTED', reason: 'DEFECTIVE', refundAmount: null });
    expect(r.rmaNumber).toMatch(/^RMA-\d{8}-[0-9A-Z]{8}$/);
    const tee = r.items.find((i: { orderItemId: string }) => i.orderItemId === o.tee.itemId);
    const mug = r.items.find((i: { orderItemId: string }) => i.orderItemId === o.mug.itemId);
    expect(tee).toMatchObject({ productId: o.tee.productId, systemVariantId: o.tee.variantId, quantity: 2, resellable: false });

    // the buyer sees it but cannot move it; another buyer does not see it
    expect((await answer(call('GET', `/returns/${r.id}`, { token: o.buyer.token }))).status).toBe(200);
    expect((await answer(call('GET', `/returns/${r.id}`, { token: (await account(['USER'], 'x')).token }))).status).toBe(404);
    expect((await move(r.id, { status: 'APPROVED' }, o.buyer.token)).status).toBe(403);

    const skip = await move(r.id, { status: 'RECEIVED' });
    expect([skip.status, skip.body.code, fields(skip.body)]).toEqual([409, 'LOGISTICS.RETURN_TRANSITION', ['status']]);
    expect((await move(r.id, { status: 'APPROVED', refundAmount: '30.00' })).status).toBe(200);
    expect((await move(r.id, { status: 'REJECTED' })).status).toBe(409);
    expect((await move(r.id, { status: 'SHIPPED', trackingNumber: 'RET123' })).status).toBe(200);
    const received = await move(r.id, {
      status: 'RECEIVED',
      items: [
        { returnItemId: tee.id, resellable: true, condition: 'as new' },
        { returnItemId: mug.id, resellable: false, condition: 'cracked' },
      ],
    });
    expect(received.status).toBe(200);
    expect((await move(r.id, { status: 'PROCESSING' })).status).toBe(200);

    const [teeStock, mugStock] = [
      (await catalog.query('SELECT stock FROM system_variants WHERE id = $1', [o.tee.variantId])).rows[0].stock,
      (await catalog.query('SELECT stock FROM products WHERE id = $1', [o.mug.productId])).rows[0].stock,
    ];
    const jsm = await jetstreamManager(stack.nc);
    const before = (await jsm.streams.info('EVT_LOGISTICS')).state.last_seq;
    const completed = await move(r.id, { status: 'COMPLETED' });
    expect([completed.status, completed.body.status, completed.body.refundAmount, completed.body.trackingNumber]).toEqual([
      200,
      'COMPLETED',
      '30.00',
      'RET123',
    ]);
    expect(
      completed.body.statusHistory.map((h: { fromStatus: string | null; toStatus: string }) => `${h.fromStatus}>${h.toStatus}`),
    ).toEqual([
      'null>REQUESTED',
      'REQUESTED>APPROVED',
      'APPROVED>SHIPPED',
      'SHIPPED>RECEIVED',
      'RECEIVED>PROCESSING',
      'PROCESSING>COMPLETED',
    ]);
    expect((await move(r.id, { status: 'PROCESSING' })).status).toBe(409);

    // the completion event, as logistics' outbox published it
    const message = await eventually(
      () => jsm.streams.getMessage('EVT_LOGISTICS', { last_by_subj: RETURN_COMPLETED }),
      (m) => m !== null && m.seq > before && m.json<{ returnId: string }>().returnId === r.id,
      20000,
    );
    const event = message!.json<Record<string, any>>();
    expect(event).toMatchObject({ returnId: r.id, rmaNumber: r.rmaNumber, orderId: o.orderId, refundAmount: '30.00' });
    expect(event.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          orderItemId: o.tee.itemId,
          productId: o.tee.productId,
          systemVariantId: o.tee.variantId,
          quantity: 2,
          resellable: true,
        }),
        expect.objectContaining({ orderItemId: o.mug.itemId, quantity: 1, resellable: false }),
      ]),
    );
    await fx.settled(LOGISTICS_DURABLES.refund, message!.seq);
    await fx.settled(LOGISTICS_DURABLES.restock, message!.seq);
    // delivered again, twice at once, each under a new message id (the inbox cannot tell them from new events)
    const both = [LOGISTICS_DURABLES.refund, LOGISTICS_DURABLES.restock];
    await Promise.all([fx.publish(RETURN_COMPLETED, event, both), fx.publish(RETURN_COMPLETED, event, both)]);

    const refunds = (
      await orders.query("SELECT amount::text, status, reference, return_id FROM transactions WHERE order_id = $1 AND type = 'REFUND'", [
        o.orderId,
      ])
    ).rows;
    expect(refunds).toEqual([{ amount: '-30.00', status: 'COMPLETED', reference: `return:${r.rmaNumber}`, return_id: r.id }]);
    const payment = (await orders.query('SELECT status, refunded_amount::text FROM payments WHERE order_id = $1', [o.orderId])).rows[0];
    expect(payment).toEqual({ status: 'PARTIALLY_REFUNDED', refunded_amount: '30.00' });
    expect((await orders.query('SELECT payment_status FROM orders WHERE id = $1', [o.orderId])).rows[0].payment_status).toBe(
      'PARTIALLY_REFUNDED',
    );
    expect((await catalog.query('SELECT stock FROM system_variants WHERE id = $1', [o.tee.variantId])).rows[0].stock).toBe(teeStock + 2);
    expect((await catalog.query('SELECT stock FROM products WHERE id = $1', [o.mug.productId])).rows[0].stock).toBe(mugStock);
    expect((await catalog.query('SELECT units FROM return_restocks WHERE return_id = $1', [r.id])).rows).toEqual([{ units: 2 }]);
  }, 120000);

  it('caps the refund at what is still refundable: a full refund makes the payment and the order REFUNDED', async () => {
    const o = await fx.deliveredOrder();
    const r = (await openReturn(o, [{ orderItemId: o.mug.itemId, quantity: 1 }])).body;
    for (const step of [
      { status: 'APPROVED', refundAmount: '99999.00' },
      { status: 'SHIPPED' },
      { status: 'RECEIVED' },
      { status: 'PROCESSING' },
    ])
      expect((await move(r.id, step)).status).toBe(200);
    const jsm = await jetstreamManager(stack.nc);
    expect((await move(r.id, { status: 'COMPLETED' })).status).toBe(200);
    const message = await eventually(
      () => jsm.streams.getMessage('EVT_LOGISTICS', { last_by_subj: RETURN_COMPLETED }),
      (m) => m !== null && m.json<{ returnId: string }>().returnId === r.id,
      20000,
    );
    await fx.settled(LOGISTICS_DURABLES.refund, message!.seq);
    const refund = (await orders.query("SELECT amount::text, metadata FROM transactions WHERE return_id = $1 AND type = 'REFUND'", [r.id]))
      .rows;
    expect(refund).toEqual([
      { amount: `-${o.total}`, metadata: expect.objectContaining({ requested: '99999.00', rmaNumber: r.rmaNumber }) },
    ]);
    expect((await orders.query('SELECT status, refunded_amount::text FROM payments WHERE order_id = $1', [o.orderId])).rows[0]).toEqual({
      status: 'REFUNDED',
      refunded_amount: o.total,
    });
    expect((await orders.query('SELECT status, payment_status FROM orders WHERE id = $1', [o.orderId])).rows[0]).toEqual({
      status: 'REFUNDED',
      payment_status: 'REFUNDED',
    });
  }, 90000);

  it('lists returns by scope: the buyer their own, support all', async () => {
    const o = await fx.deliveredOrder();
    const mine = await openReturn(o, [{ orderItemId: o.mug.itemId, quantity: 1 }]);
    expect(mine.status).toBe(201);
    const buyerList = await answer(call('GET', '/returns?limit=5', { token: o.buyer.token }));
    expect(buyerList.body.items.map((x: { id: string }) => x.id)).toEqual([mine.body.id]);
    const supportList = await answer(call('GET', `/returns?orderId=${o.orderId}`, { token: support.token }));
    expect(supportList.body.items.map((x: { id: string }) => x.id)).toEqual([mine.body.id]);
  }, 90000);
});
