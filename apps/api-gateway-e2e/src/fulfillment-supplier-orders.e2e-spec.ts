import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PrintfulFake } from './fakes/printful-fake';
import { Account, identityClient, ROOT } from './identity-client';
import { Stack, startStack } from './stack';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Supplier orders through the gateway: priced from the factory's variants, submitted through the
 * factory's adapter (MANUAL: its FULFILLER users answer through our API; PRINTFUL: a local fake of
 * Printful's order API and its signed webhooks), legal transitions only, and what was stored.
 */
describe('fulfillment supplier orders through the gateway', () => {
  const fake = new PrintfulFake();
  let stack: Stack;
  let db: Client;
  let admin: Account;
  let fulfillerA: Account;
  let fulfillerB: Account;
  let factoryA: string;
  let factoryB: string;
  let printful: string;
  const variants: Record<string, string[]> = {};
  const { call, account, root } = identityClient(() => stack);

  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, { token: admin.token, ...options });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const stored = async (id: string) => (await db.query('SELECT * FROM supplier_orders WHERE id = $1', [id])).rows[0];
  const webhookEvents = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM supplier_webhook_events WHERE provider = 'printful'`)).rows[0].n;

  /** The status changes told to others (outbox), oldest first. */
  const changes = async (supplierOrderId: string) =>
    (
      await db.query(
        `SELECT payload FROM outbox_event WHERE subject = 'evt.fulfillment.supplier-order.status-changed' AND payload->>'supplierOrderId' = $1 ORDER BY created_at, id`,
        [supplierOrderId],
      )
    ).rows.map((r) => `${r.payload.source}:${r.payload.previousStatus}->${r.payload.status}`);

  const createFactory = async (label: string, extra: Record<string, unknown> = {}) => {
    const created = await send('POST', '/factories', {
      body: { name: `${label} works`, code: `${label}-${randomUUID().slice(0, 6).toUpperCase()}`, supplierType: 'PRINTER', ...extra },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const createVariants = async (factoryId: string, rows: { code: string; price: string; min?: number; lead?: number }[]) => {
    const ids: string[] = [];
    for (const r of rows) {
      const created = await send('POST', '/supplier-variants', {
        body: {
          factoryId,
          systemVariantCode: r.code,
          supplierProductCode: 'BC3001',
          supplierVariantCode: `BC3001-${r.code}`,
          supplierPrice: r.price,
          minimumQuantity: r.min ?? 1,
          leadTime: r.lead ?? 2,
        },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    return ids;
  };
  const draft = async (
    factoryId: string,
    items: { supplierVariantId: string; quantity: number }[],
    extra: Record<string, unknown> = {},
  ) => {
    const created = await send('POST', '/supplier-orders', { body: { factoryId, items, ...extra } });
    expect(created.status).toBe(201);
    return created.body;
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
    [fulfillerA, fulfillerB] = [await account(['FULFILLER'], 'fa'), await account(['FULFILLER'], 'fb')];
    factoryA = await createFactory('MANA');
    factoryB = await createFactory('MANB');
    printful = await createFactory('PF', {
      integration: 'PRINTFUL',
      credentials: { apiKey: fake.token, webhookSecret: fake.webhookSecret },
    });
    expect(
      (
        await send('POST', `/factories/${printful}/locations`, {
          body: { locationType: 'WAREHOUSE', name: 'Pasig', address1: '1 Shaw Blvd', city: 'Pasig', postalCode: '1600', country: 'PH' },
        })
      ).status,
    ).toBe(201);
    for (const [factoryId, user] of [
      [factoryA, fulfillerA],
      [factoryB, fulfillerB],
    ] as const)
      expect((await send('POST', `/factories/${factoryId}/users`, { body: { userId: user.id } })).status).toBe(201);
    variants[factoryA] = await createVariants(factoryA, [
      { code: 'AAAA2', price: '7.45', min: 2, lead: 3 },
      { code: 'AAAA3', price: '0.10', lead: 9 },
    ]);
    variants[factoryB] = await createVariants(factoryB, [{ code: 'AAAA2', price: '6.00' }]);
    variants[printful] = await createVariants(printful, [{ code: 'AAAA2', price: '11.25', lead: 5 }]);
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await fake.stop();
  });

  describe('creating', () => {
    it('prices a DRAFT from the factory variants, computes the total and stores the lines', async () => {
      const [v1, v2] = variants[factoryA];
      const order = await draft(factoryA, [
        { supplierVariantId: v1, quantity: 3 },
        { supplierVariantId: v2, quantity: 10 },
      ]);
      expect(order).toMatchObject({
        factoryId: factoryA,
        status: 'DRAFT',
        total: '23.35',
        externalId: null,
        items: [
          { supplierVariantId: v1, quantity: 3, unitPrice: '7.45', lineTotal: '22.35', systemVariantCode: 'AAAA2' },
          { supplierVariantId: v2, quantity: 10, unitPrice: '0.10', lineTotal: '1.00' },
        ],
      });
      expect(order.orderNumber).toMatch(/^SO-\d{8}-[A-Z2-9]{6}$/);
      const row = await stored(order.id);
      expect(row).toMatchObject({ status: 'DRAFT', total: '23.35', order_number: order.orderNumber, factory_id: factoryA });
      expect(row.items).toHaveLength(2);
      const created = new Date(row.created_at).getTime();
      expect(Math.abs(new Date(row.expected_at).getTime() - created - 9 * DAY_MS)).toBeLessThan(5000);
    });

    it('keeps orderNumber unique: a taken one is 409 naming it', async () => {
      const orderNumber = `SO-TEST-${randomUUID().slice(0, 8).toUpperCase()}`;
      const items = [{ supplierVariantId: variants[factoryA][1], quantity: 1 }];
      expect((await send('POST', '/supplier-orders', { body: { factoryId: factoryA, orderNumber, items } })).status).toBe(201);
      const again = await send('POST', '/supplier-orders', {
        body: { factoryId: factoryB, orderNumber, items: [{ supplierVariantId: variants[factoryB][0], quantity: 1 }] },
      });
      expect([again.status, again.body.code, fields(again.body)]).toEqual([
        409,
        'FULFILLMENT.SUPPLIER_ORDER_NUMBER_TAKEN',
        ['orderNumber'],
      ]);
      expect((await db.query('SELECT count(*)::int AS n FROM supplier_orders WHERE order_number = $1', [orderNumber])).rows[0].n).toBe(1);
    });

    it('names the field of bad input and stores nothing', async () => {
      const before = (await db.query('SELECT count(*)::int AS n FROM supplier_orders')).rows[0].n;
      const cases: [unknown, string[]][] = [
        [{ items: [{ supplierVariantId: variants[factoryA][0], quantity: 2 }] }, ['factoryId']],
        [{ factoryId: factoryA, items: [] }, ['items']],
        [{ factoryId: factoryA, items: [{ supplierVariantId: variants[factoryA][0], quantity: 1 }] }, ['items[0].quantity']],
        [{ factoryId: factoryA, items: [{ supplierVariantId: variants[factoryB][0], quantity: 5 }] }, ['items[0].supplierVariantId']],
        [{ factoryId: factoryA, items: [{ supplierVariantId: variants[factoryA][1], quantity: 0 }] }, ['items[0].quantity']],
        [{ factoryId: factoryA, orderNumber: 'so 1', items: [{ supplierVariantId: variants[factoryA][1], quantity: 1 }] }, ['orderNumber']],
      ];
      for (const [body, expected] of cases) {
        const answer = await send('POST', '/supplier-orders', { body });
        expect([answer.status, fields(answer.body)]).toEqual([400, expected]);
      }
      const unknownFactory = await send('POST', '/supplier-orders', {
        body: { factoryId: randomUUID(), items: [{ supplierVariantId: variants[factoryA][1], quantity: 1 }] },
      });
      expect([unknownFactory.status, fields(unknownFactory.body)]).toEqual([404, ['factoryId']]);
      const unknownFulfillment = await send('POST', '/supplier-orders', {
        body: { factoryId: factoryA, fulfillmentId: randomUUID(), items: [{ supplierVariantId: variants[factoryA][1], quantity: 1 }] },
      });
      expect([unknownFulfillment.status, fields(unknownFulfillment.body)]).toEqual([404, ['fulfillmentId']]);
      expect((await db.query('SELECT count(*)::int AS n FROM supplier_orders')).rows[0].n).toBe(before);
    });

    it('is for staff: a FULFILLER may not place orders', async () => {
      const answer = await send('POST', '/supplier-orders', {
        token: fulfillerA.token,
        body: { factoryId: factoryA, items: [{ supplierVariantId: variants[factoryA][1], quantity: 1 }] },
      });
      expect(answer.status).toBe(403);
    });
  });

  describe('a MANUAL factory', () => {
    it("waits for its own users: they accept and report progress, another factory's user gets 404", async () => {
      const order = await draft(factoryA, [{ supplierVariantId: variants[factoryA][0], quantity: 2 }]);
      const early = await send('POST', `/supplier-orders/${order.id}/accept`, { token: fulfillerA.token });
      expect([early.status, early.body.code]).toEqual([409, 'FULFILLMENT.SUPPLIER_ORDER_ILLEGAL_TRANSITION']);

      const submitted = await send('POST', `/supplier-orders/${order.id}/submit`);
      expect(submitted).toMatchObject({ status: 201, body: { status: 'SUBMITTED', externalId: null } });
      const row = await stored(order.id);
      expect(row.status).toBe('SUBMITTED');
      expect(new Date(row.expected_at).getTime() - new Date(row.ordered_at).getTime()).toBe(3 * DAY_MS);
      expect((await send('POST', `/supplier-orders/${order.id}/submit`)).status).toBe(409);

      for (const [method, path] of [
        ['GET', `/supplier-orders/${order.id}`],
        ['POST', `/supplier-orders/${order.id}/accept`],
        ['POST', `/supplier-orders/${order.id}/update`],
      ]) {
        const foreign = await send(method, path, { token: fulfillerB.token, body: method === 'POST' ? {} : undefined });
        expect([path, foreign.status, foreign.body.code]).toEqual([path, 404, 'FULFILLMENT.SUPPLIER_ORDER_NOT_FOUND']);
      }
      const listedB = await send('GET', `/supplier-orders?factoryId=${factoryA}`, { token: fulfillerB.token });
      expect([listedB.status, listedB.body.items]).toEqual([200, []]);
      const listedA = await send('GET', `/supplier-orders?status=SUBMITTED`, { token: fulfillerA.token });
      expect(listedA.body.items.map((o: { id: string }) => o.id)).toContain(order.id);
      expect(listedA.body.items.every((o: { factoryId: string }) => o.factoryId === factoryA)).toBe(true);

      expect(await send('POST', `/supplier-orders/${order.id}/accept`, { token: fulfillerA.token })).toMatchObject({
        status: 201,
        body: { status: 'ACCEPTED' },
      });
      expect((await send('POST', `/supplier-orders/${order.id}/accept`, { token: fulfillerA.token })).status).toBe(409);
      const skip = await send('POST', `/supplier-orders/${order.id}/update`, { token: fulfillerA.token, body: { status: 'SHIPPED' } });
      expect([skip.status, fields(skip.body)]).toEqual([409, ['status']]);
      const expectedAt = new Date(Date.now() + 12 * DAY_MS).toISOString();
      expect(
        await send('POST', `/supplier-orders/${order.id}/update`, {
          token: fulfillerA.token,
          body: { status: 'IN_PRODUCTION', expectedAt },
        }),
      ).toMatchObject({ status: 201, body: { status: 'IN_PRODUCTION', expectedAt } });
      expect(
        await send('POST', `/supplier-orders/${order.id}/update`, {
          token: fulfillerA.token,
          body: { status: 'SHIPPED', trackingNumber: 'LBC-123', carrier: 'LBC' },
        }),
      ).toMatchObject({ status: 201, body: { status: 'SHIPPED', trackingNumber: 'LBC-123', carrier: 'LBC' } });
      expect((await send('POST', `/supplier-orders/${order.id}/cancel`, { body: {} })).status).toBe(409);
      expect((await send('POST', `/supplier-orders/${order.id}/receive`, { token: fulfillerA.token })).status).toBe(403);
      const received = await send('POST', `/supplier-orders/${order.id}/receive`);
      expect(received).toMatchObject({ status: 201, body: { status: 'RECEIVED' } });
      expect(await stored(order.id)).toMatchObject({ status: 'RECEIVED', tracking_number: 'LBC-123', carrier: 'LBC' });
      expect((await stored(order.id)).received_at).not.toBeNull();
      expect(await changes(order.id)).toEqual([
        'API:DRAFT->SUBMITTED',
        'API:SUBMITTED->ACCEPTED',
        'API:ACCEPTED->IN_PRODUCTION',
        'API:IN_PRODUCTION->SHIPPED',
        'API:SHIPPED->RECEIVED',
      ]);
    });

    it('its users reject with a reason (required), and a rejected order moves no more', async () => {
      const order = await draft(factoryA, [{ supplierVariantId: variants[factoryA][1], quantity: 4 }]);
      await send('POST', `/supplier-orders/${order.id}/submit`);
      const noReason = await send('POST', `/supplier-orders/${order.id}/reject`, { token: fulfillerA.token, body: {} });
      expect([noReason.status, fields(noReason.body)]).toEqual([400, ['reason']]);
      expect((await send('POST', `/supplier-orders/${order.id}/reject`, { token: fulfillerB.token, body: { reason: 'x' } })).status).toBe(
        404,
      );
      expect(
        await send('POST', `/supplier-orders/${order.id}/reject`, {
          token: fulfillerA.token,
          body: { reason: 'No white blanks until Friday' },
        }),
      ).toMatchObject({ status: 201, body: { status: 'REJECTED', rejectionReason: 'No white blanks until Friday' } });
      expect(await stored(order.id)).toMatchObject({ status: 'REJECTED', rejection_reason: 'No white blanks until Friday' });
      expect((await send('POST', `/supplier-orders/${order.id}/accept`, { token: fulfillerA.token })).status).toBe(409);
      expect((await send('POST', `/supplier-orders/${order.id}/cancel`, { body: {} })).status).toBe(409);
    });

    it('staff cancel a draft before it is sent', async () => {
      const order = await draft(factoryB, [{ supplierVariantId: variants[factoryB][0], quantity: 1 }]);
      expect(await send('POST', `/supplier-orders/${order.id}/cancel`, { body: { reason: 'ordered by mistake' } })).toMatchObject({
        status: 201,
        body: { status: 'CANCELLED', rejectionReason: 'ordered by mistake' },
      });
      expect((await send('POST', `/supplier-orders/${order.id}/submit`)).status).toBe(409);
    });
  });

  describe('a PRINTFUL factory', () => {
    const submitPrintful = async () => {
      const order = await draft(printful, [{ supplierVariantId: variants[printful][0], quantity: 2 }]);
      const submitted = await send('POST', `/supplier-orders/${order.id}/submit`);
      expect(submitted.status).toBe(201);
      const ref = fake.orders.find((o) => o.external_id === order.orderNumber)!;
      return { order: submitted.body, ref };
    };

    it("submits through Printful's order API with the factory's token and stores its id", async () => {
      const sent = fake.orderRequests().length;
      const { order, ref } = await submitPrintful();
      expect(order).toMatchObject({ status: 'ACCEPTED', externalId: String(ref.id) });
      expect(await stored(order.id)).toMatchObject({ status: 'ACCEPTED', external_id: String(ref.id) });
      const request = fake.orderRequests()[sent];
      expect(request).toMatchObject({
        method: 'POST',
        path: '/orders?confirm=true',
        authorization: `Bearer ${fake.token}`,
        body: {
          external_id: order.orderNumber,
          recipient: { address1: '1 Shaw Blvd', city: 'Pasig', country_code: 'PH', zip: '1600' },
          items: [{ external_variant_id: 'BC3001-AAAA2', quantity: 2, retail_price: '11.25' }],
        },
      });
      // its status moves by Printful's webhooks, not by our users
      const manual = await send('POST', `/supplier-orders/${order.id}/accept`);
      expect([manual.status, manual.body.code]).toEqual([409, 'FULFILLMENT.SUPPLIER_ORDER_NOT_MANUAL']);
    });

    it('sends an order once when it is submitted twice at once', async () => {
      const order = await draft(printful, [{ supplierVariantId: variants[printful][0], quantity: 1 }]);
      const answers = await Promise.all([1, 2].map(() => send('POST', `/supplier-orders/${order.id}/submit`)));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(fake.orders.filter((o) => o.external_id === order.orderNumber)).toHaveLength(1);
    });

    it('a Printful refusal is a 502 and leaves the order a DRAFT', async () => {
      const other = await createFactory('PFBAD', { integration: 'PRINTFUL', credentials: { apiKey: 'wrong', webhookSecret: 'x' } });
      await send('POST', `/factories/${other}/locations`, {
        body: { locationType: 'WAREHOUSE', name: 'X', address1: '2 Ortigas', city: 'Pasig', country: 'PH' },
      });
      const [variant] = await createVariants(other, [{ code: 'AAAA4', price: '1.00' }]);
      const order = await draft(other, [{ supplierVariantId: variant, quantity: 1 }]);
      const refused = await send('POST', `/supplier-orders/${order.id}/submit`);
      expect([refused.status, refused.body.code]).toEqual([502, 'FULFILLMENT.SUPPLIER_REJECTED']);
      expect(JSON.stringify(refused.body)).not.toContain('wrong');
      expect((await stored(order.id)).status).toBe('DRAFT');
    });

    it('webhooks: a bad signature is 401 and stores nothing; duplicates and late events change nothing more', async () => {
      const { order, ref } = await submitPrintful();
      const before = await webhookEvents();
      const shipped = fake.event('package_shipped', ref, {
        status: 'fulfilled',
        tracking: '1Z999',
        carrier: 'UPS',
        eventId: `evt-${randomUUID()}`,
      });

      for (const signature of [fake.sign(shipped, 'not-the-secret'), fake.sign(`${shipped} `), 'deadbeef', null]) {
        const refused = await fake.deliver(stack.base, shipped, signature);
        expect(refused.status).toBe(401);
      }
      const forged = await fake.deliver(stack.base, shipped.replace('1Z999', '1ZFAKE'), fake.sign(shipped));
      expect(forged.status).toBe(401);
      expect(await webhookEvents()).toBe(before);
      expect((await stored(order.id)).status).toBe('ACCEPTED');

      const first = await fake.deliver(stack.base, shipped);
      expect([first.status, await first.json()]).toEqual([200, { received: true, applied: true }]);
      expect(await stored(order.id)).toMatchObject({ status: 'SHIPPED', tracking_number: '1Z999', carrier: 'UPS' });

      const again = await fake.deliver(stack.base, shipped);
      expect([again.status, await again.json()]).toEqual([200, { received: true, applied: false }]);
      expect(await webhookEvents()).toBe(before + 1);

      // delivered late: the order was in production before it shipped; it does not go back
      const late = fake.event('order_updated', ref, { status: 'inprocess', created: Math.floor(Date.now() / 1000) - 3600 });
      expect(await (await fake.deliver(stack.base, late)).json()).toEqual({ received: true, applied: false });
      const cancelled = fake.event('order_canceled', ref, { status: 'canceled', reason: 'too late' });
      expect(await (await fake.deliver(stack.base, cancelled)).json()).toEqual({ received: true, applied: false });
      expect(await stored(order.id)).toMatchObject({ status: 'SHIPPED', tracking_number: '1Z999' });
      expect(await webhookEvents()).toBe(before + 3);
      expect(await changes(order.id)).toEqual(['API:DRAFT->ACCEPTED', 'PROVIDER:ACCEPTED->SHIPPED']);
    });

    it('webhooks: in production, then failed with its reason; events for unknown orders are refused', async () => {
      const { order, ref } = await submitPrintful();
      const inprocess = fake.event('order_updated', ref, { status: 'inprocess' });
      expect(await (await fake.deliver(stack.base, inprocess)).json()).toEqual({ received: true, applied: true });
      expect((await stored(order.id)).status).toBe('IN_PRODUCTION');
      const failed = fake.event('order_failed', ref, { status: 'failed', reason: 'Print file is too small' });
      expect(await (await fake.deliver(stack.base, failed)).json()).toEqual({ received: true, applied: true });
      expect(await stored(order.id)).toMatchObject({ status: 'REJECTED', rejection_reason: 'Print file is too small' });
      // a concurrent redelivery is applied once
      const shipped = fake.event('package_shipped', ref, { status: 'fulfilled' });
      const answers = await Promise.all([1, 2].map(() => fake.deliver(stack.base, shipped)));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect((await stored(order.id)).status).toBe('REJECTED');
      const rejected = (
        await db.query(
          `SELECT payload FROM outbox_event WHERE subject = 'evt.fulfillment.supplier-order.status-changed' AND payload->>'supplierOrderId' = $1 AND payload->>'status' = 'REJECTED'`,
          [order.id],
        )
      ).rows.map((r) => r.payload);
      expect(rejected).toEqual([expect.objectContaining({ source: 'PROVIDER', reason: 'Print file is too small', factoryId: printful })]);

      const before = await webhookEvents();
      const stranger = fake.event('package_shipped', { id: 1, external_id: 'SO-NOT-OURS' });
      expect((await fake.deliver(stack.base, stranger)).status).toBe(401);
      // not JSON: the gateway refuses it before the service sees it
      expect((await fake.deliver(stack.base, 'not json', fake.sign('not json'))).status).toBe(400);
      const notAnOrderEvent = JSON.stringify({ type: 'stock_updated', data: {} });
      expect((await fake.deliver(stack.base, notAnOrderEvent)).status).toBe(401);
      expect(await webhookEvents()).toBe(before);
    });
  });
});
