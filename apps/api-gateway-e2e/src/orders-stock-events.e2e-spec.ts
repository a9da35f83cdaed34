import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { PaymongoFake } from './fakes/paymongo-fake';
import { Account, identityClient, ROOT } from './identity-client';
import { insertStore, shopFixtures } from './shop-fixtures';
import { eventually, freePort, Running, startService } from './processes';
import { json, Stack, startStack } from './stack';

const TTL_SECONDS = 3;

/**
 * Stock follows orders through events: catalog confirms a COD order's reservation from its placed
 * event and a paid order's from its paid event, even after an outage longer than the reservation's
 * life; an expired reservation takes its stock again, or the order goes ON_HOLD when none is left.
 */
describe('orders -> catalog: stock through events', () => {
  let stack: Stack;
  let catalogDb: Client;
  let ordersDb: Client;
  let storeId: string;
  let catalog: Running;
  const extra: Running[] = [];
  const fake = new PaymongoFake();
  const client = identityClient(() => stack);
  const { call } = client;

  const { product, buyer, stockOf } = shopFixtures(
    client,
    () => catalogDb,
    () => storeId,
  );
  const checkout = async (b: { user: Account; cartId: string; addressId: string }, paymentMethod: 'COD' | 'GCASH') => {
    const response = await call('POST', '/checkout', {
      token: b.user.token,
      body: { cartId: b.cartId, shippingAddressId: b.addressId, paymentMethod },
      headers: { 'idempotency-key': randomBytes(16).toString('base64url') },
    });
    if (response.status !== 201) throw new Error(`checkout answered ${response.status}: ${await response.text()}`);
    return json(response);
  };
  /** Pays a PENDING order through the fake PayMongo and its signed webhook. */
  const pay = async (b: { user: Account }, order: { id: string; total: string }) => {
    expect((await call('POST', `/orders/${order.id}/payments`, { token: b.user.token, body: { method: 'GCASH' } })).status).toBe(201);
    const { provider_payment_id: intent } = (
      await ordersDb.query('SELECT provider_payment_id FROM payments WHERE order_id = $1', [order.id])
    ).rows[0];
    const body = fake.event('payment.paid', intent, Math.round(Number(order.total) * 100), `pay_${randomUUID().slice(0, 8)}`);
    const response = await fetch(`${stack.base}/api/v1/payments/webhooks/paymongo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'paymongo-signature': fake.sign(body) },
      body,
    });
    expect([response.status, await json(response)]).toEqual([200, { received: true, applied: true }]);
  };
  const statuses = async (productId: string) =>
    (await catalogDb.query('SELECT status FROM stock_reservations WHERE product_id = $1 ORDER BY order_id', [productId])).rows.map(
      (r) => r.status as string,
    );
  const reservationOf = async (orderId: string) =>
    (await catalogDb.query('SELECT status FROM stock_reservations WHERE order_id = $1', [orderId])).rows[0]?.status as string | undefined;

  beforeAll(async () => {
    const base = await fake.start();
    stack = await startStack(['identity', 'catalog', 'orders'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      PAYMONGO_BASE_URL: base,
      PAYMONGO_SECRET_KEY: fake.secretKey,
      PAYMONGO_WEBHOOK_SECRET: fake.webhookSecret,
      RESERVATION_TTL_SECONDS: String(TTL_SECONDS),
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
      // Held handlers fail for as long as a test holds them: nothing may be dead-lettered meanwhile.
      EVENT_MAX_DELIVER: '1000',
      // Events a killed process had taken come back after this long.
      EVENT_ACK_WAIT_MS: '5000',
      NATS_REQUEST_TIMEOUT_MS: '10000',
    });
    [catalogDb, ordersDb] = [await stack.db('catalog'), await stack.db('orders')];
    catalog = stack.services.catalog;
    storeId = await insertStore(catalogDb);
  }, 60000);

  afterAll(async () => {
    await Promise.all(extra.map((r) => r.stop()));
    await stack?.stop();
    await fake.stop();
  });

  it('confirms 30 COD reservations from their placed events after catalog was killed for longer than their lifetime', async () => {
    const kit = await product(40);
    const all: Awaited<ReturnType<typeof buyer>>[] = [];
    for (let i = 0; i < 30; i += 10) all.push(...(await Promise.all(Array.from({ length: 10 }, () => buyer(kit)))));
    // Catalog's handlers fail until the kill (an error raised on their inbox insert), so every placed event is still pending when it dies.
    await catalogDb.query(
      "CREATE FUNCTION e2e_hold_inbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'e2e: handlers held'; END $$",
    );
    await catalogDb.query('CREATE TRIGGER e2e_hold_inbox BEFORE INSERT ON processed_event FOR EACH ROW EXECUTE FUNCTION e2e_hold_inbox()');
    let stockAtKill: number;
    try {
      const orders = await Promise.all(all.map((b) => checkout(b, 'COD')));
      expect(orders.map((o) => o.status)).toEqual(Array(30).fill('CONFIRMED'));
      catalog.child.kill('SIGKILL');
      // None confirmed; a reservation may have expired during the rush, before any placed event existed to hold the expiry back.
      expect((await statuses(kit)).filter((s) => s !== 'RESERVED' && s !== 'EXPIRED')).toEqual([]);
      stockAtKill = await stockOf(kit);
    } finally {
      await catalogDb.query('DROP TRIGGER e2e_hold_inbox ON processed_event');
    }
    // The relay publishes each placed event just after its checkout answered: wait for the last ones.
    const jsm = await jetstreamManager(stack.nc);
    const backlog = async () =>
      jsm.consumers.info('EVT_ORDERS', 'catalog__stock-on-order-placed').then((c) => c.num_pending + c.num_ack_pending);
    expect(await eventually(backlog, (n) => n === 30)).toBe(30);
    const { last } = (await catalogDb.query('SELECT max(expires_at) AS last FROM stock_reservations WHERE product_id = $1', [kit])).rows[0];
    await new Promise((r) => setTimeout(r, Math.max(0, (last as Date).getTime() - Date.now()) + 500));

    const catalogPort = await freePort();
    catalog = startService('catalog', { ...stack.env, PORT: String(catalogPort) });
    extra.push(catalog);
    const seen = new Set<number>();
    await eventually(
      async () => {
        seen.add(await stockOf(kit));
        return statuses(kit);
      },
      (s) => s.every((status) => status === 'CONFIRMED'),
      40000,
    );
    // The expiry job waited for the backlog: no unit went back on the shelf after the restart.
    expect(Math.max(...seen)).toBeLessThanOrEqual(stockAtKill);
    expect(await stockOf(kit)).toBe(10);
    expect(catalog.output()).not.toContain('reservation-expiry:');
    await eventually(
      () => fetch(`${stack.base}/health`).then(json),
      (h) => h.services?.catalog?.status === 'up',
      30000,
    );
    // Readiness reports each consumer's lag: the placed backlog is worked off.
    const ready = await eventually(
      () => fetch(`http://127.0.0.1:${catalogPort}/health/ready`).then(json),
      (r) => r.details?.consumers?.pending?.['catalog__stock-on-order-placed@EVT_ORDERS'] === 0,
      10000,
    );
    expect(ready.details.consumers).toMatchObject({
      status: 'up',
      pending: { 'catalog__stock-on-order-placed@EVT_ORDERS': 0, 'catalog__stock-on-order-paid@EVT_ORDERS': 0 },
    });
  }, 180000);

  it('takes the stock again for a payment that arrives after the reservation expired, once', async () => {
    const kit = await product(5);
    const b = await buyer(kit);
    const order = await checkout(b, 'GCASH');
    expect([order.status, await stockOf(kit)]).toEqual(['PENDING', 4]);
    await eventually(
      () => reservationOf(order.id),
      (s) => s === 'EXPIRED',
      15000,
    );
    expect(await stockOf(kit)).toBe(5);
    await pay(b, order);
    await eventually(
      () => reservationOf(order.id),
      (s) => s === 'CONFIRMED',
      15000,
    );
    expect(await stockOf(kit)).toBe(4);
    // Expiry passes keep running: a confirmed reservation stays, and the order goes on.
    await new Promise((r) => setTimeout(r, 2500));
    expect([await reservationOf(order.id), await stockOf(kit)]).toEqual(['CONFIRMED', 4]);
    expect((await json(await call('GET', `/orders/${order.id}`, { token: b.user.token }))).status).toBe('CONFIRMED');
  }, 60000);

  it('puts a paid order ON_HOLD when its expired reservation finds no stock: history, on-hold event, stock never negative', async () => {
    const kit = await product(1);
    const late = await buyer(kit);
    const order = await checkout(late, 'GCASH');
    await eventually(
      () => reservationOf(order.id),
      (s) => s === 'EXPIRED',
      15000,
    );
    const quick = await buyer(kit);
    const sold = await checkout(quick, 'COD');
    await eventually(
      () => reservationOf(sold.id),
      (s) => s === 'CONFIRMED',
    );
    expect(await stockOf(kit)).toBe(0);

    await pay(late, order);
    const held = await eventually(
      async () => json(await call('GET', `/orders/${order.id}`, { token: late.user.token })),
      (o) => o.status === 'ON_HOLD',
      15000,
    );
    expect(held).toMatchObject({ status: 'ON_HOLD', holdReason: 'STOCK_UNAVAILABLE', paymentStatus: 'PAID' });
    expect(held.statusHistory.at(-1)).toMatchObject({ fromStatus: 'CONFIRMED', toStatus: 'ON_HOLD', reason: 'STOCK_UNAVAILABLE' });
    expect([await reservationOf(order.id), await stockOf(kit)]).toEqual(['EXPIRED', 0]);

    const jsm = await jetstreamManager(stack.nc);
    const message = await eventually(() => jsm.streams.getMessage('EVT_ORDERS', { last_by_subj: 'evt.orders.order.on-hold' }), Boolean);
    expect(message!.json()).toMatchObject({ orderId: order.id, status: 'ON_HOLD', reason: 'STOCK_UNAVAILABLE', productIds: [kit] });
    const unavailable = (
      await catalogDb.query(
        "SELECT payload FROM outbox_event WHERE subject = 'evt.catalog.stock.unavailable' AND payload->>'orderId' = $1",
        [order.id],
      )
    ).rows;
    expect(unavailable.map((r) => r.payload)).toEqual([{ orderId: order.id, reason: 'STOCK_UNAVAILABLE', productIds: [kit] }]);
  }, 60000);
});
