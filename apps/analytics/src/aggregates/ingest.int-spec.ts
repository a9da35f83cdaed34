import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AnalyticsDb, AnalyticsPrismaClient } from '@suite/db/analytics';
import { createPrismaClient, databaseNameFor, databaseUrlFor } from '@suite/platform';
import { migrateAll } from '@suite/platform/infra';
import { recordOf } from '../events/event-record';
import { IngestRecord, ingestEvents } from './ingest';
import { AnalyticsConfig } from '../config';
import { RawEventRetention } from './raw-retention';

/** The ingest statements against a migrated analytics database: exactly once, sums, cache invalidation, retention. */
describe('event ingest into AnalyticsEvent and the aggregates', () => {
  const env = { ...process.env, DATABASE_NAME_PREFIX: `int_${randomBytes(4).toString('hex')}_` };
  let db: AnalyticsDb;
  const at = new Date('2026-12-01T23:30:00.000Z');
  const paid = (sourceEventId: string, amount: string, storeId = 's1'): IngestRecord => ({
    ...recordOf(
      'evt.orders.order.paid',
      { orderId: randomUUID(), storeId, teamId: 't1', userId: 'u1', total: amount, amount, paymentId: randomUUID(), status: 'PAID' },
      at,
    ),
    sourceEventId,
  });
  const hourly = (source: string) =>
    db.$queryRawUnsafe<{ count: number; amount: string }[]>(
      'SELECT sum(count)::int AS count, sum(amount)::text AS amount FROM analytics_aggregate_hourly WHERE source = $1',
      source,
    );

  beforeAll(async () => {
    await migrateAll(env, ['analytics']);
    db = createPrismaClient<AnalyticsDb>(AnalyticsPrismaClient, databaseUrlFor('analytics', env), 10);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    const admin = new URL(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(
      `DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseNameFor('analytics', env.DATABASE_NAME_PREFIX))} WITH (FORCE)`,
    );
    await client.end();
  });

  it('stores a message id once, also when two transactions race on it, and sums only what was stored', async () => {
    const id = randomUUID();
    const results = await Promise.all([0, 1, 2].map(() => db.$transaction((tx) => ingestEvents(tx, [paid(id, '10.50')]))));
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 1]);
    await db.$transaction((tx) => ingestEvents(tx, [paid(id, '10.50'), paid(randomUUID(), '4.25', 's2')]));
    expect(await db.analyticsEvent.count({ where: { eventType: 'evt.orders.order.paid' } })).toBe(2);
    expect(await hourly('order.paid')).toEqual([{ count: 2, amount: '14.75' }]);
    const daily = await db.analyticsAggregateDaily.findMany({ where: { source: 'order.paid' }, orderBy: { storeId: 'asc' } });
    expect(daily.map((r) => [r.bucket.toISOString(), r.storeId, r.teamId, Number(r.count), r.amount.toFixed(2)])).toEqual([
      ['2026-12-01T00:00:00.000Z', 's1', 't1', 1, '10.50'],
      ['2026-12-01T00:00:00.000Z', 's2', 't1', 1, '4.25'],
    ]);
    expect(await db.analyticsStore.findMany({ orderBy: { storeId: 'asc' }, select: { storeId: true, teamId: true } })).toEqual([
      { storeId: 's1', teamId: 't1' },
      { storeId: 's2', teamId: 't1' },
    ]);
  });

  it('keeps tracked events without a message id apart, and a rolled back transaction adds nothing', async () => {
    const tracked = {
      eventType: 'checkout.started',
      entityType: null,
      entityId: null,
      userId: null,
      metadata: { storeId: 's1' },
      timestamp: at,
    };
    const ids = await db.$transaction((tx) => ingestEvents(tx, [tracked, tracked]));
    expect(ids).toHaveLength(2);
    await expect(
      db.$transaction(async (tx) => {
        await ingestEvents(tx, [tracked]);
        throw new Error('handler failed after the ingest');
      }),
    ).rejects.toThrow('handler failed');
    expect(await hourly('checkout.started')).toEqual([{ count: 2, amount: '0.00' }]);
  });

  it('counts an outage of a new device whose offline and online events are ingested at once, in either order', async () => {
    const outage = (deviceId: string, type: 'offline' | 'online'): IngestRecord => ({
      ...recordOf(
        `evt.iot-telemetry.device.${type}`,
        type === 'offline'
          ? { deviceId, userId: 'g1', lastSeen: '2026-12-01T10:00:00.000Z', at: '2026-12-01T10:01:00.000Z' }
          : { deviceId, userId: 'g1', at: '2026-12-01T11:00:00.000Z' },
        new Date(type === 'offline' ? '2026-12-01T10:01:00.000Z' : '2026-12-01T11:00:00.000Z'),
      ),
      sourceEventId: randomUUID(),
    });
    const devices = Array.from({ length: 12 }, () => `race-${randomUUID()}`);
    await Promise.all(
      devices.flatMap((d, i) => {
        const order: Array<'offline' | 'online'> = i % 2 ? ['online', 'offline'] : ['offline', 'online'];
        return order.map((type) => db.$transaction((tx) => ingestEvents(tx, [outage(d, type)])));
      }),
    );
    const downtime = await db.$queryRawUnsafe<{ device_id: string; seconds: string }[]>(
      `SELECT device_id, sum(amount)::text AS seconds FROM analytics_aggregate_hourly
        WHERE source = 'device.downtime' AND device_id = ANY($1::text[]) GROUP BY device_id ORDER BY device_id`,
      devices,
    );
    expect(downtime).toEqual([...devices].sort().map((d) => ({ device_id: d, seconds: '3600.00' })));
  });

  it('drops cached metrics whose period holds a new event and keeps the others', async () => {
    const cache = (key: string, from: string, to: string) =>
      db.analyticsCache.create({
        data: {
          cacheKey: key,
          metricType: 'TOTAL_REVENUE',
          dimensions: {},
          value: {},
          periodStart: new Date(from),
          periodEnd: new Date(to),
          ttl: 300,
        },
      });
    await cache('holds', '2026-12-01T16:00:00Z', '2026-12-02T16:00:00Z');
    await cache('before', '2026-11-30T16:00:00Z', '2026-12-01T16:00:00Z');
    await db.$transaction((tx) => ingestEvents(tx, [paid(randomUUID(), '1.00')]));
    expect((await db.analyticsCache.findMany()).map((r) => r.cacheKey)).toEqual(['before']);
  });

  it('purges raw events past the retention setting and keeps the aggregates', async () => {
    const old = { ...paid(randomUUID(), '2.00'), timestamp: new Date('2026-01-01T00:00:00Z') };
    await db.$transaction((tx) => ingestEvents(tx, [old]));
    await db.systemConfig.create({ data: { key: 'analytics.rawRetentionDays', value: 30 } });
    const retention = new RawEventRetention(db, Object.assign(new AnalyticsConfig(), { ANALYTICS_RETENTION_INTERVAL_MS: 0 }));
    expect(await retention.retentionDays()).toBe(30);
    expect(await retention.purge(new Date('2026-12-02T00:00:00Z').getTime())).toBe(1);
    expect(await db.analyticsEvent.count({ where: { timestamp: { lt: new Date('2026-02-01') } } })).toBe(0);
    expect(await db.analyticsAggregateDaily.count({ where: { bucket: new Date('2026-01-01T00:00:00Z'), source: 'order.paid' } })).toBe(1);
  });

  it('purges API usage, refused rate-limit windows and search logs past their own retention, keeping the rest', async () => {
    const now = new Date('2026-12-02T00:00:00Z').getTime();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000);
    const usage = (at: Date) => ({
      id: randomUUID(),
      endpoint: '/api/v1/products',
      method: 'GET',
      version: 'v1',
      statusCode: 200,
      responseTime: 3,
      ipAddress: '203.0.113.1',
      timestamp: at,
    });
    await db.apiUsageLog.createMany({ data: [usage(daysAgo(91)), usage(daysAgo(89))] });
    const window = (identifier: string, end: Date) => ({
      identifier,
      endpoint: 'POST /api/v1/auth/login',
      windowStart: new Date(end.getTime() - 60_000),
      windowEnd: end,
      blocked: true,
    });
    await db.rateLimitLog.createMany({ data: [window('ip:a', daysAgo(31)), window('ip:b', daysAgo(29))] });
    const search = (q: string, at: Date) => ({ query: q, index: 'products', resultsCount: 1, took: 2, createdAt: at });
    await db.searchLog.createMany({ data: [search('old', daysAgo(181)), search('recent', daysAgo(179))] });

    const retention = new RawEventRetention(db, Object.assign(new AnalyticsConfig(), { ANALYTICS_RETENTION_INTERVAL_MS: 0 }));
    expect(await retention.purgeLogs(now)).toEqual({ api_usage_logs: 1, rate_limit_logs: 1, search_logs: 1 });
    expect((await db.apiUsageLog.findMany()).map((r) => r.timestamp)).toEqual([daysAgo(89)]);
    expect((await db.rateLimitLog.findMany()).map((r) => r.identifier)).toEqual(['ip:b']);
    expect((await db.searchLog.findMany()).map((r) => r.query)).toEqual(['recent']);
    expect(await retention.purgeLogs(now)).toEqual({ api_usage_logs: 0, rate_limit_logs: 0, search_logs: 0 });
  });
});
