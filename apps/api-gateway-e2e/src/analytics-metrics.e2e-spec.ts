import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { jetstream, jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { DATABASE_SERVICES } from '@suite/platform/config';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually, freePort, startService } from './processes';
import { json, Stack, startStack } from './stack';

const EVENT_STREAMS = DATABASE_SERVICES.map((s) => `EVT_${s.replace(/-/g, '_').toUpperCase()}`);
const DURABLE = 'analytics__record-event';
const DAY = '2026-11-10';
const at = (time: string) => `${DAY}T${time}:00.000Z`;

/**
 * Metrics from a fixed set of events published on the bus (each twice), computed by hand below:
 *                 paid              refunded  placed  checkouts  returns  customers (net paid)
 *   store 1 (t1)  100 + 50* + 30     10        3       4          1        c1 120, c2 50
 *   store 2 (t2)  200                0         2       2          0        c3 200
 *   * order 2 at 23:30 UTC: 10 Nov in UTC, 11 Nov in Asia/Manila.
 */
describe('analytics metrics: aggregates of the events, by period, time zone, store and caller', () => {
  let stack: Stack;
  let db: Client;
  let jsm: JetStreamManager;
  const identity = identityClient(() => stack);
  const { call, account, root, signIn } = identity;
  let staff: Account;
  let seller: Account;
  let grower: Account;
  const [s1, s2, c1, c2, c3, p1, p2, p3, d1, d2] = Array.from({ length: 10 }, () => randomUUID());
  let t1: string;
  const t2 = randomUUID();
  const published: string[] = [];

  const publish = async (subject: string, payload: Record<string, unknown>) => {
    const js = jetstream(stack.nc);
    const msgID = randomUUID();
    // Delivered twice: the second copy has the same message id.
    for (let i = 0; i < 2; i++) await js.publish(subject, JSON.stringify(payload), { msgID });
    published.push(msgID);
  };
  const order = (orderId: string, storeId: string, teamId: string, userId: string, total: string, time: string) => ({
    orderId,
    orderCode: orderId.slice(0, 8),
    orderNumber: orderId.slice(0, 6),
    status: 'PENDING',
    storeId,
    teamId,
    userId,
    total,
    currency: 'PHP',
    occurredAt: at(time),
  });
  const placed = (o: ReturnType<typeof order>, items: [string, number][]) =>
    publish('evt.orders.order.placed', {
      ...o,
      items: items.map(([productId, quantity]) => ({ orderItemId: randomUUID(), productId, quantity })),
    });
  const paid = (o: ReturnType<typeof order>, time: string, paymentId = randomUUID()) =>
    publish('evt.orders.order.paid', { ...o, status: 'PAID', paymentId, amount: o.total, occurredAt: at(time) });
  const checkout = (storeId: string, time: string) =>
    call('POST', '/analytics/events', { body: { eventType: 'checkout.started', metadata: { storeId }, timestamp: at(time) } });

  const lag = async () => {
    let n = 0;
    for (const name of EVENT_STREAMS) {
      const info = await jsm.consumers.info(name, DURABLE).catch(() => null);
      n += info ? info.num_pending + info.num_ack_pending : 0;
    }
    return n;
  };
  const metric = (who: Account, query: Record<string, string>) =>
    call('GET', `/analytics/metrics?${new URLSearchParams({ period: 'day', date: DAY, ...query })}`, { token: who.token });
  const total = async (who: Account, query: Record<string, string>) => {
    const response = await metric(who, query);
    if (response.status !== 200) throw new Error(`${JSON.stringify(query)} answered ${response.status}: ${await response.text()}`);
    return (await json(response)).total;
  };

  beforeAll(async () => {
    stack = await startStack(['identity', 'analytics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
    });
    db = await stack.db('analytics');
    jsm = await jetstreamManager(stack.nc);
    staff = await account(['FINANCE'], 'finance');
    seller = await account(['SELLER'], 'seller');
    grower = await account(['GROWER'], 'grower');
    const team = await json(await call('POST', '/teams', { token: (await root()).token, body: { name: `Team ${seller.email}` } }));
    t1 = team.id;
    expect((await call('POST', `/teams/${t1}/members`, { token: (await root()).token, body: { userId: seller.id } })).status).toBe(201);
    seller = { ...seller, token: await signIn(seller.email) };

    const [o1, o2, o3] = [
      order(randomUUID(), s1, t1, c1, '100.00', '10:00'),
      order(randomUUID(), s1, t1, c2, '50.00', '23:30'),
      order(randomUUID(), s1, t1, c1, '30.00', '12:00'),
    ];
    const [o4, o5] = [order(randomUUID(), s2, t2, c3, '200.00', '09:00'), order(randomUUID(), s2, t2, c3, '20.00', '15:00')];
    await placed(o1, [
      [p1, 2],
      [p2, 1],
    ]);
    await paid(o1, '10:05');
    await placed(o2, [[p1, 1]]);
    await paid(o2, '23:35');
    await placed(o3, [[p3, 5]]);
    const pay3 = randomUUID();
    await paid(o3, '12:01', pay3);
    await publish('evt.orders.order.refunded', {
      ...o3,
      status: 'PARTIALLY_REFUNDED',
      paymentId: pay3,
      amount: '30.00',
      refundedAmount: '10.00',
      paymentStatus: 'PARTIALLY_REFUNDED',
      occurredAt: at('13:00'),
    });
    await publish('evt.logistics.return.completed', { returnId: randomUUID(), orderId: o1.orderId, storeId: s1, occurredAt: at('14:00') });
    await placed(o4, [[p1, 3]]);
    await paid(o4, '09:01');
    await placed(o5, [[p2, 1]]);
    await publish('evt.orders.order.cancelled', { ...o5, status: 'CANCELLED', occurredAt: at('15:10') });
    for (const [deviceId, userId] of [
      [d1, grower.id],
      [d1, grower.id],
      [d2, randomUUID()],
    ])
      await publish('evt.iot-telemetry.threshold.breached', {
        alertId: randomUUID(),
        deviceId,
        userId,
        severity: 'HIGH',
        value: 40,
        occurredAt: at('08:00'),
      });
    await publish('evt.iot-telemetry.device.offline', {
      deviceId: d1,
      serialNumber: 'SN1',
      userId: grower.id,
      lastSeen: at('10:00'),
      at: at('10:01'),
      heartbeatTimeoutSeconds: 60,
      occurredAt: at('10:01'),
    });
    await publish('evt.iot-telemetry.device.online', {
      deviceId: d1,
      serialNumber: 'SN1',
      userId: grower.id,
      at: at('11:00'),
      occurredAt: at('11:00'),
    });
    for (const [store, time] of [
      [s1, '09:30'],
      [s1, '09:40'],
      [s1, '11:00'],
      [s1, '22:00'],
      [s2, '08:00'],
      [s2, '08:30'],
    ])
      expect((await checkout(store, time)).status).toBe(202);
    await eventually(lag, (n) => n === 0, 30000);
    await eventually(
      () => db.query(`SELECT count(*)::int AS n FROM analytics_event WHERE source_event_id = ANY($1)`, [published]),
      (r) => r.rows[0].n === published.length,
      30000,
    );
  }, 120000);

  afterAll(() => stack?.stop());

  it('matches the hand computation for everything, each store, and the seller', async () => {
    const all = async (q: Record<string, string> = {}) =>
      Promise.all(
        ['TOTAL_REVENUE', 'TOTAL_ORDERS', 'AVERAGE_ORDER_VALUE', 'CONVERSION_RATE', 'RETURN_RATE', 'CUSTOMER_LIFETIME_VALUE'].map((m) =>
          total(staff, { metric: m, ...q }),
        ),
      );
    expect(await all()).toEqual(['370.00', '5', '95.00', '0.8333', '0.2500', '123.33']);
    expect(await all({ storeId: s1 })).toEqual(['170.00', '3', '60.00', '0.7500', '0.3333', '85.00']);
    expect(await all({ storeId: s2 })).toEqual(['200.00', '2', '200.00', '1.0000', '0.0000', '200.00']);

    const top = async (metric: string, q: Record<string, string> = {}) =>
      (await json(await metric_(metric, q))).entries.map((e: { key: string; value: string }) => [e.key, e.value]);
    const metric_ = (m: string, q: Record<string, string>) => metric(staff, { metric: m, ...q });
    expect(await top('TOP_PRODUCTS')).toEqual([
      [p1, '6'],
      [p3, '5'],
      [p2, '2'],
    ]);
    expect(await top('TOP_CUSTOMERS')).toEqual([
      [c3, '200.00'],
      [c1, '120.00'],
      [c2, '50.00'],
    ]);
    expect(await top('TOP_PRODUCTS', { storeId: s1 })).toEqual([
      [p3, '5'],
      [p1, '3'],
      [p2, '1'],
    ]);
    expect(await top('TOTAL_REVENUE', { dimension: 'store' })).toEqual([
      [s2, '200.00'],
      [s1, '170.00'],
    ]);

    // The seller sees their team's store: the same figures for "everything" as for store 1; store 2 does not exist for them.
    expect(await total(seller, { metric: 'TOTAL_REVENUE' })).toBe('170.00');
    expect(await total(seller, { metric: 'TOTAL_REVENUE', storeId: s1 })).toBe('170.00');
    const other = await metric(seller, { metric: 'TOTAL_REVENUE', storeId: s2 });
    expect([other.status, other.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/problem+json')]);
    expect((await metric(seller, { metric: 'TOTAL_REVENUE', teamId: t2 })).status).toBe(404);

    const dashboard = await json(await call('GET', `/analytics/dashboard?period=day&date=${DAY}&storeId=${s1}`, { token: seller.token }));
    expect(dashboard.totals).toMatchObject({
      TOTAL_REVENUE: '170.00',
      TOTAL_ORDERS: '3',
      CONVERSION_RATE: '0.7500',
      RETURN_RATE: '0.3333',
    });
    expect(dashboard.topCustomers.map((e: { key: string }) => e.key)).toEqual([c1, c2]);
  });

  it('puts an order at 23:30 UTC on the next local day in Asia/Manila', async () => {
    expect(await total(staff, { metric: 'TOTAL_REVENUE', timezone: 'Asia/Manila' })).toBe('320.00');
    expect(await total(staff, { metric: 'TOTAL_ORDERS', timezone: 'Asia/Manila' })).toBe('4');
    const next = await json(await metric(staff, { metric: 'TOTAL_REVENUE', timezone: 'Asia/Manila', date: '2026-11-11' }));
    expect(next.total).toBe('50.00');
    expect(next.series.filter((p: { value: string }) => p.value !== '0.00')).toEqual([{ start: '2026-11-11T07:00:00', value: '50.00' }]);
    expect(next.series).toHaveLength(24);
    const week = await json(await metric(staff, { metric: 'TOTAL_REVENUE', period: 'week', timezone: 'Asia/Manila' }));
    expect(week.series.map((p: { start: string; value: string }) => [p.start.slice(0, 10), p.value]).slice(0, 3)).toEqual([
      ['2026-11-09', '0.00'],
      ['2026-11-10', '320.00'],
      ['2026-11-11', '50.00'],
    ]);
  });

  it("gives a grower their own devices' alerts and uptime, and 404 for another's device", async () => {
    expect(await total(grower, { metric: 'DEVICE_ALERTS' })).toBe('2');
    expect(await total(staff, { metric: 'DEVICE_ALERTS' })).toBe('3');
    expect(await total(grower, { metric: 'DEVICE_UPTIME' })).toBe('0.9583');
    expect(await total(grower, { metric: 'DEVICE_UPTIME', deviceId: d1 })).toBe('0.9583');
    expect((await metric(grower, { metric: 'DEVICE_ALERTS', deviceId: d2 })).status).toBe(404);
    expect(await total(grower, { metric: 'TOTAL_REVENUE' })).toBe('0.00');
  });

  it('refuses bad input naming the field', async () => {
    const field = async (q: Record<string, string>) => {
      const r = await metric(staff, { metric: 'TOTAL_REVENUE', ...q });
      return [r.status, (await json(r)).errors?.[0]?.field];
    };
    expect(await field({ timezone: 'Mars/Olympus' })).toEqual([400, 'timezone']);
    expect(await field({ period: 'custom', from: '2026-11-12', to: '2026-11-10' })).toEqual([400, 'from']);
    expect(await field({ metric: 'HAPPINESS' })).toEqual([400, 'metric']);
    expect(await field({ dimension: 'colour' })).toEqual([400, 'dimension']);
    expect(await field({ productId: p1 })).toEqual([400, 'productId']);
  });

  it('serves a metric from the cache until an event of its period arrives', async () => {
    const q = { metric: 'TOTAL_REVENUE', storeId: s1, period: 'custom', from: DAY, to: DAY };
    const first = await json(await metric(staff, q));
    const second = await json(await metric(staff, q));
    expect([first.total, first.cached, second.total, second.cached]).toEqual(['170.00', false, '170.00', true]);
    expect(
      (
        await db.query(
          `SELECT value->>'total' AS total FROM analytics_cache WHERE metric_type = 'TOTAL_REVENUE' AND dimensions->>'storeId' = $1`,
          [s1],
        )
      ).rows,
    ).toContainEqual({ total: '170.00' });
    await paid(order(randomUUID(), s1, t1, c2, '5.00', '18:00'), '18:00');
    const fresh = await eventually(
      () => metric(staff, q).then(json),
      (m) => m.total === '175.00',
      15000,
    );
    expect(fresh.cached).toBe(false);
  });

  it('counts every event once after the durable starts over with an empty inbox (the message id is unique)', async () => {
    const before = (
      await db.query(
        'SELECT source, sum(count)::int AS n, sum(amount)::text AS amount FROM analytics_aggregate_hourly GROUP BY 1 ORDER BY 1',
      )
    ).rows;
    const events = (await db.query('SELECT count(*)::int AS n FROM analytics_event')).rows[0].n;
    await stack.services.analytics.stop();
    for (const name of EVENT_STREAMS) await jsm.consumers.delete(name, DURABLE).catch(() => undefined);
    await db.query('DELETE FROM processed_event WHERE consumer = $1', [DURABLE]);
    stack.services.analytics = startService('analytics', { ...stack.env, PORT: String(await freePort()) });
    await eventually(
      () => fetch(`${stack.base}/health`, { signal: AbortSignal.timeout(2000) }).then(json),
      (h) => h.services?.analytics?.status === 'up',
      30000,
    );
    await eventually(
      () => db.query('SELECT count(*)::int AS n FROM processed_event WHERE consumer = $1', [DURABLE]),
      (r) => r.rows[0].n >= published.length,
      30000,
    );
    await eventually(lag, (n) => n === 0, 30000);
    expect((await db.query('SELECT count(*)::int AS n FROM analytics_event')).rows[0].n).toBe(events);
    expect(
      (
        await db.query(
          'SELECT source, sum(count)::int AS n, sum(amount)::text AS amount FROM analytics_aggregate_hourly GROUP BY 1 ORDER BY 1',
        )
      ).rows,
    ).toEqual(before);
    expect(await total(staff, { metric: 'TOTAL_REVENUE' })).toBe('375.00');
  });
});
