import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { PrintfulFake } from './fakes/printful-fake';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { Stack, startStack } from './stack';

type Body = Record<string, any>;

/**
 * The pieces joined: an order event routed to a PRINTFUL factory, a supplier order placed for that
 * fulfillment and submitted to the Printful fake, and the fake's webhooks (a bad signature, duplicated,
 * out of order) moving the fulfillment through the one status path, announced through the outbox. A
 * rejected supplier order fails the fulfillment and re-routes its items to the other factory.
 */
describe('fulfillment flow: order -> routing -> supplier order -> Printful webhooks -> fulfillment', () => {
  const fake = new PrintfulFake();
  let stack: Stack;
  let db: Client;
  let admin: Account;
  let printful: string;
  let backup: string;
  const variantOf: Record<string, string> = {};
  const CODE = 'FQW37';
  const { call, root } = identityClient(() => stack);

  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, { token: admin.token, ...options });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  const createFactory = async (label: string, extra: Record<string, unknown>) => {
    const created = await send('POST', '/factories', {
      body: {
        name: `${label} works`,
        code: `${label}-${randomUUID().slice(0, 6).toUpperCase()}`,
        supplierType: 'PRINTER',
        capacity: 1000,
        ...extra,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const location = await send('POST', `/factories/${id}/locations`, {
      body: {
        locationType: 'PRODUCTION',
        name: 'Pasig',
        address1: '1 Shaw Blvd',
        city: 'Pasig',
        postalCode: '1600',
        country: 'PH',
        shippingZones: ['PH'],
      },
    });
    expect(location.status).toBe(201);
    return id;
  };
  const createVariant = async (factoryId: string, price: string) => {
    const created = await send('POST', '/supplier-variants', {
      body: {
        factoryId,
        systemVariantCode: CODE,
        supplierProductCode: 'BC3001',
        supplierVariantCode: `BC3001-${CODE}`,
        supplierPrice: price,
        leadTime: 2,
      },
    });
    expect(created.status).toBe(201);
    variantOf[factoryId] = created.body.id;
  };

  /** An order placed (COD: ready to fulfil) as orders' outbox would publish it; its fulfillments once routed. */
  const placeOrder = async (quantity = 2) => {
    const orderId = randomUUID();
    await jetstream(stack.nc).publish(
      'evt.orders.order.placed',
      JSON.stringify({
        orderId,
        orderCode: `ORD-${orderId.slice(0, 8)}`,
        orderNumber: orderId.slice(0, 8),
        status: 'CONFIRMED',
        storeId: randomUUID(),
        userId: randomUUID(),
        teamId: randomUUID(),
        total: '100.00',
        currency: 'PHP',
        paymentMethod: 'COD',
        shipTo: { country: 'Philippines', province: 'NCR', city: 'Manila', postalCode: '1000' },
        items: [{ orderItemId: randomUUID(), productId: randomUUID(), systemVariantCode: CODE, designId: null, quantity }],
      }),
      { msgID: randomUUID() },
    );
    const [f] = await fulfillmentsOf(orderId);
    return { orderId, fulfillment: f };
  };
  const fulfillmentsOf = async (orderId: string, atLeast = 1) =>
    eventually(
      async () =>
        (
          await db.query(
            `SELECT id, status, factory_id AS "factoryId", tracking_number AS "trackingNumber", carrier, failure_reason AS "failureReason"
             FROM fulfillments WHERE order_id = $1 ORDER BY created_at, id`,
            [orderId],
          )
        ).rows as { id: string; status: string; factoryId: string | null; trackingNumber: string | null; failureReason: string | null }[],
      (rows) => rows.length >= atLeast,
      20000,
    );
  const fulfillment = async (id: string) =>
    (
      await db.query(
        `SELECT f.status, f.tracking_number AS "trackingNumber", f.carrier, f.failure_reason AS "failureReason",
                array_agg(i.status ORDER BY i.id) AS items
         FROM fulfillments f JOIN fulfillment_items i ON i.fulfillment_id = f.id WHERE f.id = $1 GROUP BY f.id`,
        [id],
      )
    ).rows[0];
  /** FulfillmentStatusChanged for this fulfillment in the outbox, oldest first. */
  const statusEvents = async (fulfillmentId: string) =>
    (
      await db.query(
        `SELECT payload FROM outbox_event WHERE subject = 'evt.fulfillment.fulfillment.status-changed' AND payload->>'fulfillmentId' = $1
         ORDER BY created_at, id`,
        [fulfillmentId],
      )
    ).rows.map((r: { payload: Body }) => r.payload);

  /** A supplier order for the fulfillment, submitted to the Printful fake (which accepts it). */
  const orderFromPrintful = async (fulfillmentId: string) => {
    const created = await send('POST', '/supplier-orders', {
      body: { factoryId: printful, fulfillmentId, items: [{ supplierVariantId: variantOf[printful], quantity: 2 }] },
    });
    expect([created.status, created.body.fulfillmentId]).toEqual([201, fulfillmentId]);
    const submitted = await send('POST', `/supplier-orders/${created.body.id}/submit`);
    expect([submitted.status, submitted.body.status]).toEqual([201, 'ACCEPTED']);
    const ref = fake.orders.find((o) => o.external_id === created.body.orderNumber)!;
    expect(ref).toBeDefined();
    return { order: submitted.body, ref };
  };

  beforeAll(async () => {
    const base = await fake.start();
    stack = await startStack(['identity', 'fulfillment'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      PRINTFUL_API_URL: base,
    });
    db = await stack.db('fulfillment');
    admin = await root();
    const jsm = await jetstreamManager(stack.nc);
    await jsm.streams.info('EVT_ORDERS').catch(() => jsm.streams.add({ name: 'EVT_ORDERS', subjects: ['evt.orders.>'] }));
    // Printful is the primary and the cheaper: routing picks it; the manual plant is where a failure goes.
    printful = await createFactory('PF', {
      integration: 'PRINTFUL',
      isPrimary: true,
      credentials: { apiKey: fake.token, webhookSecret: fake.webhookSecret },
    });
    backup = await createFactory('MAN', {});
    await createVariant(printful, '5.00');
    await createVariant(backup, '9.00');
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await fake.stop();
  });

  it("places a supplier order only with the fulfillment's own factory (400 naming fulfillmentId otherwise)", async () => {
    const { fulfillment: f } = await placeOrder();
    expect([f.status, f.factoryId]).toEqual(['PENDING', printful]);
    const elsewhere = await send('POST', '/supplier-orders', {
      body: { factoryId: backup, fulfillmentId: f.id, items: [{ supplierVariantId: variantOf[backup], quantity: 2 }] },
    });
    expect([elsewhere.status, elsewhere.body.code, fields(elsewhere.body)]).toEqual([
      400,
      'FULFILLMENT.FULFILLMENT_OF_ANOTHER_FACTORY',
      ['fulfillmentId'],
    ]);
    expect((await db.query('SELECT count(*)::int AS n FROM supplier_orders WHERE fulfillment_id = $1', [f.id])).rows[0].n).toBe(0);
  });

  it('the webhooks move the fulfillment: accepted -> IN_PRODUCTION, shipped -> SHIPPED with tracking; bad signatures, duplicates and late events change nothing', async () => {
    const { fulfillment: f } = await placeOrder();
    expect(f.factoryId).toBe(printful);
    const { order, ref } = await orderFromPrintful(f.id);
    // Printful accepted it on submission: the fulfillment is in production
    expect(await fulfillment(f.id)).toMatchObject({ status: 'IN_PRODUCTION', items: '{IN_PRODUCTION}' });

    const shipped = fake.event('package_shipped', ref, {
      status: 'fulfilled',
      tracking: '1ZFLOW1',
      carrier: 'UPS',
      eventId: `evt-${randomUUID()}`,
    });
    for (const signature of [fake.sign(shipped, 'not-the-secret'), 'deadbeef', null])
      expect((await fake.deliver(stack.base, shipped, signature)).status).toBe(401);
    expect(await fulfillment(f.id)).toMatchObject({ status: 'IN_PRODUCTION', trackingNumber: null });
    expect(await statusEvents(f.id)).toHaveLength(1);

    // the same event twice at once, then once more: applied once
    const answers = await Promise.all([1, 2].map(() => fake.deliver(stack.base, shipped)));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect((await Promise.all(answers.map((a) => a.json()))).map((b) => (b as Body).applied).sort()).toEqual([false, true]);
    expect(await (await fake.deliver(stack.base, shipped)).json()).toEqual({ received: true, applied: false });
    expect(await fulfillment(f.id)).toEqual({
      status: 'SHIPPED',
      trackingNumber: '1ZFLOW1',
      carrier: 'UPS',
      failureReason: null,
      items: '{SHIPPED}',
    });

    // out of order: "in production" after "shipped", and a cancel after shipping, move nothing back
    const late = fake.event('order_updated', ref, { status: 'inprocess', created: Math.floor(Date.now() / 1000) - 3600 });
    expect(await (await fake.deliver(stack.base, late)).json()).toEqual({ received: true, applied: false });
    const cancelled = fake.event('order_canceled', ref, { status: 'canceled', reason: 'too late' });
    expect(await (await fake.deliver(stack.base, cancelled)).json()).toEqual({ received: true, applied: false });
    expect((await db.query('SELECT status FROM supplier_orders WHERE id = $1', [order.id])).rows[0].status).toBe('SHIPPED');
    expect((await fulfillment(f.id)).status).toBe('SHIPPED');

    const events = await statusEvents(f.id);
    expect(events.map((e) => [e.previousStatus, e.status, e.factoryId, e.trackingNumber, e.carrier])).toEqual([
      ['PENDING', 'IN_PRODUCTION', printful, null, null],
      ['IN_PRODUCTION', 'SHIPPED', printful, '1ZFLOW1', 'UPS'],
    ]);
    expect(events[1].items).toEqual([{ orderItemId: expect.any(String), status: 'SHIPPED', quantity: 2 }]);
  });

  it('a shipped report that skips "in production" still takes the fulfillment through each legal step', async () => {
    const { fulfillment: f } = await placeOrder(1);
    const { ref } = await orderFromPrintful(f.id);
    // back to PENDING as if the submission had not moved it: the provider then reports shipped straight away
    await db.query(`UPDATE fulfillments SET status = 'PENDING' WHERE id = $1`, [f.id]);
    await db.query(`UPDATE fulfillment_items SET status = 'PENDING' WHERE fulfillment_id = $1`, [f.id]);
    const shipped = fake.event('package_shipped', ref, { status: 'fulfilled', tracking: '1ZSKIP', carrier: 'DHL' });
    expect(await (await fake.deliver(stack.base, shipped)).json()).toEqual({ received: true, applied: true });
    expect(await fulfillment(f.id)).toMatchObject({ status: 'SHIPPED', trackingNumber: '1ZSKIP', carrier: 'DHL' });
    // both steps were written in one transaction (same created_at): compared as a set
    expect((await statusEvents(f.id)).map((e) => `${e.previousStatus}->${e.status}`).sort()).toEqual([
      'IN_PRODUCTION->SHIPPED',
      'PENDING->IN_PRODUCTION',
      'PENDING->IN_PRODUCTION',
    ]);
  });

  it('a rejected supplier order fails the fulfillment with its reason and re-routes the items to the other factory', async () => {
    const { orderId, fulfillment: f } = await placeOrder(3);
    const { order, ref } = await orderFromPrintful(f.id);
    const failed = fake.event('order_failed', ref, { status: 'failed', reason: 'Print file is too small' });
    const bad = await fake.deliver(stack.base, failed, fake.sign(failed, 'wrong'));
    expect(bad.status).toBe(401);
    expect((await fulfillment(f.id)).status).toBe('IN_PRODUCTION');

    expect(await (await fake.deliver(stack.base, failed)).json()).toEqual({ received: true, applied: true });
    expect(await (await fake.deliver(stack.base, failed)).json()).toEqual({ received: true, applied: false });
    expect((await db.query('SELECT status, rejection_reason FROM supplier_orders WHERE id = $1', [order.id])).rows[0]).toEqual({
      status: 'REJECTED',
      rejection_reason: 'Print file is too small',
    });
    expect(await fulfillment(f.id)).toMatchObject({
      status: 'FAILED',
      failureReason: expect.stringContaining('Print file is too small'),
      items: '{FAILED}',
    });
    const events = await statusEvents(f.id);
    expect(events.map((e) => `${e.previousStatus}->${e.status}`)).toEqual(['PENDING->IN_PRODUCTION', 'IN_PRODUCTION->FAILED']);
    expect(events[1].reason).toContain('Print file is too small');

    // re-routed: a new fulfillment at the other factory for the same items, the decision kept on the failed one
    const all = await fulfillmentsOf(orderId, 2);
    expect(all.map((x) => [x.status, x.factoryId])).toEqual([
      ['FAILED', printful],
      ['PENDING', backup],
    ]);
    const routing = await send('GET', `/fulfillments/${f.id}/routing`);
    expect(routing.status).toBe(200);
    expect(JSON.stringify(routing.body)).toContain('REROUTED');
    const routed = await db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.fulfillment.fulfillment.routed' AND payload->>'fulfillmentId' = $1`,
      [all[1].id],
    );
    expect(routed.rows[0].n).toBe(1);
    const quantities = await db.query('SELECT quantity FROM fulfillment_items WHERE fulfillment_id = $1', [all[1].id]);
    expect(quantities.rows).toEqual([{ quantity: 3 }]);

    // the manual plant answers through our API: accepted, then shipped, and the re-routed fulfillment follows
    const rerouted = all[1].id;
    const manual = await send('POST', '/supplier-orders', {
      body: { factoryId: backup, fulfillmentId: rerouted, items: [{ supplierVariantId: variantOf[backup], quantity: 3 }] },
    });
    expect(manual.status).toBe(201);
    expect((await send('POST', `/supplier-orders/${manual.body.id}/submit`)).body.status).toBe('SUBMITTED');
    expect((await fulfillment(rerouted)).status).toBe('PENDING');
    expect((await send('POST', `/supplier-orders/${manual.body.id}/accept`)).body.status).toBe('ACCEPTED');
    expect((await fulfillment(rerouted)).status).toBe('IN_PRODUCTION');
    // a progress report the fulfillment has already passed changes nothing on it (the supplier order still moves)
    expect((await send('POST', `/supplier-orders/${manual.body.id}/update`, { body: { status: 'IN_PRODUCTION' } })).body.status).toBe(
      'IN_PRODUCTION',
    );
    const sent = await send('POST', `/supplier-orders/${manual.body.id}/update`, {
      body: { status: 'SHIPPED', trackingNumber: 'LBC-1', carrier: 'LBC' },
    });
    expect([sent.status, sent.body.status]).toEqual([201, 'SHIPPED']);
    expect(await fulfillment(rerouted)).toMatchObject({ status: 'SHIPPED', trackingNumber: 'LBC-1', carrier: 'LBC', items: '{SHIPPED}' });
    expect((await statusEvents(rerouted)).map((e) => `${e.previousStatus}->${e.status}`)).toEqual([
      'PENDING->IN_PRODUCTION',
      'IN_PRODUCTION->SHIPPED',
    ]);
  });

  it('a manual rejection fails the fulfillment too, and with every factory failed the items wait on a NO_FACTORY hold', async () => {
    const { orderId, fulfillment: f } = await placeOrder(1);
    const { ref } = await orderFromPrintful(f.id);
    const failed = fake.event('order_failed', ref, { status: 'failed', reason: 'Out of blanks' });
    expect(await (await fake.deliver(stack.base, failed)).json()).toEqual({ received: true, applied: true });
    const [, second] = await fulfillmentsOf(orderId, 2);
    expect(second.factoryId).toBe(backup);
    const manual = await send('POST', '/supplier-orders', {
      body: { factoryId: backup, fulfillmentId: second.id, items: [{ supplierVariantId: variantOf[backup], quantity: 1 }] },
    });
    await send('POST', `/supplier-orders/${manual.body.id}/submit`);
    const rejected = await send('POST', `/supplier-orders/${manual.body.id}/reject`, { body: { reason: 'machine down' } });
    expect([rejected.status, rejected.body.status]).toEqual([201, 'REJECTED']);
    expect(await fulfillment(second.id)).toMatchObject({ status: 'FAILED', failureReason: expect.stringContaining('machine down') });
    const all = await fulfillmentsOf(orderId, 3);
    expect(all.map((x) => [x.status, x.factoryId])).toEqual([
      ['FAILED', printful],
      ['FAILED', backup],
      ['PENDING', null],
    ]);
    const holds = await db.query('SELECT reason FROM fulfillment_holds WHERE fulfillment_id = $1 AND released_at IS NULL', [all[2].id]);
    expect(holds.rows).toEqual([{ reason: 'NO_FACTORY' }]);
  });
});
