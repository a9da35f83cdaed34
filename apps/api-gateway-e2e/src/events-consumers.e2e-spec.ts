import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { jetstream, jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { DATABASE_SERVICES } from '@suite/platform/config';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually, freePort, startService } from './processes';
import { productFixtures } from './product-fixtures';
import { json, Stack, startStack } from './stack';

/** Every service's event stream (the platform's eventStreamFor names them so); analytics consumes them all. */
const EVENT_STREAMS = DATABASE_SERVICES.map((s) => `EVT_${s.replace(/-/g, '_').toUpperCase()}`);
const ANALYTICS_DURABLE = 'analytics__record-event';

/** Consumers of other services' events, through the gateway and real processes: orders' customers and carts, analytics' event log. */
describe('event consumers: orders follows identity and catalog, analytics records every event once', () => {
  let stack: Stack;
  let catalogDb: Client;
  let ordersDb: Client;
  let analyticsDb: Client;
  let jsm: JetStreamManager;
  const identity = identityClient(() => stack);
  const { call, account } = identity;
  const { teamWithStore } = productFixtures(identity, () => catalogDb);

  const customerOf = async (userId: string) => (await ordersDb.query('SELECT email FROM customers WHERE user_id = $1', [userId])).rows;
  const currentCart = async (buyer: Account) => json(await call('GET', '/carts/current', { token: buyer.token }));

  /** Messages per subject in every event stream, against analytics rows per event type. */
  const streamCounts = async () => {
    const counts: Record<string, number> = {};
    for (const name of EVENT_STREAMS) {
      const info = await jsm.streams.info(name, { subjects_filter: '>' }).catch(() => null);
      Object.assign(counts, info?.state.subjects ?? {});
    }
    return counts;
  };
  const recordedCounts = async () =>
    Object.fromEntries(
      (await analyticsDb.query('SELECT event_type, count(*)::int AS n FROM analytics_event GROUP BY event_type')).rows.map((r) => [
        r.event_type,
        r.n,
      ]),
    );
  const lag = async (stream: string, durable: string) => {
    const info = await jsm.consumers.info(stream, durable);
    return info.num_pending + info.num_ack_pending;
  };
  const analyticsLag = async () =>
    (await Promise.all(EVENT_STREAMS.map((name) => lag(name, ANALYTICS_DURABLE)))).reduce((a, b) => a + b, 0);

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders', 'analytics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
    });
    [catalogDb, ordersDb, analyticsDb] = [await stack.db('catalog'), await stack.db('orders'), await stack.db('analytics')];
    jsm = await jetstreamManager(stack.nc);
  }, 60000);

  afterAll(() => stack?.stop());

  it("gives a registered user's shop customer the account's email, created or filled, never taking another customer's", async () => {
    const user = await account();
    const rows = await eventually(
      () => customerOf(user.id),
      (r) => r.length === 1,
      15000,
    );
    expect(rows).toEqual([{ email: user.email }]);

    // A customer made on first use before the event arrived (email ''): the event fills it.
    const early = randomUUID();
    await ordersDb.query("INSERT INTO customers (id, user_id, email, updated_at) VALUES (gen_random_uuid(), $1, '', now())", [early]);
    // Staff keep the email they set; a shop email held by another customer is not taken over.
    const [staffSet, taken] = [randomUUID(), randomUUID()];
    await ordersDb.query(
      "INSERT INTO customers (id, user_id, email, updated_at) VALUES (gen_random_uuid(), $1, 'kept@example.com', now())",
      [staffSet],
    );
    await ordersDb.query("INSERT INTO customers (id, email, updated_at) VALUES (gen_random_uuid(), 'walk-in@example.com', now())");
    const js = jetstream(stack.nc);
    for (const [userId, email] of [
      [early, 'early@example.com'],
      [staffSet, 'other@example.com'],
      [taken, 'WALK-IN@example.com'],
    ]) {
      await js.publish('evt.identity.user.registered', JSON.stringify({ userId, email }), { msgID: randomUUID() });
    }
    await eventually(
      () => customerOf(early),
      (r) => r[0]?.email === 'early@example.com',
      15000,
    );
    await eventually(
      () => lag('EVT_IDENTITY', 'orders__customer-email'),
      (n) => n === 0,
      15000,
    );
    expect(await customerOf(staffSet)).toEqual([{ email: 'kept@example.com' }]);
    expect(await customerOf(taken)).toEqual([]);
  });

  it('keeps cart lines in step with their product: repriced, flagged when discontinued (checkout refused), cleared when ACTIVE again, flagged when deleted', async () => {
    const seller = await account(['SELLER'], 'seller');
    const storeId = await teamWithStore(seller);
    const created = await call('POST', '/products', {
      token: seller.token,
      body: { storeId, name: 'Lion mane kit', sku: `KIT-${randomUUID()}`, price: '10.00', stock: 20, status: 'ACTIVE' },
    });
    expect(created.status).toBe(201);
    const productId = (await json(created)).id as string;
    const patch = (body: Record<string, unknown>) => call('PATCH', `/products/${productId}`, { token: seller.token, body });

    const buyer = await account();
    const address = await json(
      await call('POST', '/customers/me/addresses', {
        token: buyer.token,
        body: { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' },
      }),
    );
    const cart = await json(await call('POST', '/carts', { token: buyer.token }));
    expect((await call('POST', `/carts/${cart.id}/items`, { token: buyer.token, body: { productId, quantity: 2 } })).status).toBe(200);

    expect((await patch({ price: '12.50' })).status).toBe(200);
    // The cart and its lines are read by two queries: wait for both to show the committed reprice.
    const repriced = await eventually(
      () => currentCart(buyer),
      (c) => c.items[0]?.price === '12.50' && c.subtotal === '25.00',
    );
    expect(repriced).toMatchObject({ subtotal: '25.00', tax: '3.00', total: '28.00' });
    expect(repriced.items[0]).toMatchObject({ quantity: 2, subtotal: '25.00', isAvailable: true, notice: null });

    expect((await patch({ status: 'DISCONTINUED' })).status).toBe(200);
    const flagged = await eventually(
      () => currentCart(buyer),
      (c) => c.items[0]?.isAvailable === false,
    );
    expect(flagged.items).toEqual([
      expect.objectContaining({ productId, quantity: 2, price: '12.50', notice: expect.stringMatching(/discontinued/) }),
    ]);
    const refused = await call('POST', '/checkout', {
      token: buyer.token,
      body: { cartId: cart.id, shippingAddressId: address.id, paymentMethod: 'COD' },
      headers: { 'idempotency-key': randomUUID() },
    });
    const problem = await json(refused);
    expect([refused.status, problem.code, problem.productIds]).toEqual([409, 'ORDERS.CART_ITEM_UNAVAILABLE', [productId]]);
    expect((await ordersDb.query("SELECT count(*)::int AS n FROM orders WHERE metadata->>'cartId' = $1", [cart.id])).rows[0].n).toBe(0);

    expect((await patch({ status: 'ACTIVE' })).status).toBe(200);
    const cleared = await eventually(
      () => currentCart(buyer),
      (c) => c.items[0]?.isAvailable === true,
    );
    expect(cleared.items[0]).toMatchObject({ notice: null, price: '12.50' });
    expect(cleared.status).toBe('ACTIVE');

    expect((await call('DELETE', `/products/${productId}`, { token: seller.token })).status).toBe(200);
    const removed = await eventually(
      () => currentCart(buyer),
      (c) => c.items[0]?.isAvailable === false,
    );
    expect(removed.items[0].notice).toMatch(/removed/);
  });

  it('records each event of every stream exactly once, also when the same Nats-Msg-Id is published twice and after a full redelivery', async () => {
    const js = jetstream(stack.nc);
    const msgID = randomUUID();
    const alertId = randomUUID();
    for (let i = 0; i < 2; i++) await js.publish('evt.alerting.alert.raised', JSON.stringify({ alertId, severity: 'HIGH' }), { msgID });
    const settled = async () => ({ streams: await streamCounts(), recorded: await recordedCounts(), lag: await analyticsLag() });
    const before = await eventually(
      settled,
      (s) => s.lag === 0 && JSON.stringify(Object.entries(s.streams).sort()) === JSON.stringify(Object.entries(s.recorded).sort()),
      20000,
    );
    expect(before.recorded).toEqual(before.streams);
    expect(before.recorded).toMatchObject({
      'evt.identity.user.registered': expect.any(Number),
      'evt.catalog.product.discontinued': 1,
      'evt.alerting.alert.raised': 1,
    });
    const alert = await analyticsDb.query(
      "SELECT entity_type, entity_id, metadata FROM analytics_event WHERE event_type = 'evt.alerting.alert.raised'",
    );
    expect(alert.rows).toEqual([{ entity_type: 'alert', entity_id: alertId, metadata: { alertId, severity: 'HIGH' } }]);

    // The durable starts over from the first message of every stream: the inbox must turn every redelivery away.
    await stack.services.analytics.stop();
    for (const name of EVENT_STREAMS) await jsm.consumers.delete(name, ANALYTICS_DURABLE);
    stack.services.analytics = startService('analytics', { ...stack.env, PORT: String(await freePort()) });
    await eventually(
      () => fetch(`${stack.base}/health`, { signal: AbortSignal.timeout(2000) }).then(json),
      (h) => h.services?.analytics?.status === 'up',
      30000,
    );
    const after = await eventually(settled, (s) => s.lag === 0, 30000);
    expect(after.recorded).toEqual(before.recorded);
    expect(after.streams).toEqual(before.streams);
  });
});
