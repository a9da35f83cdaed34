import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AnalyticsDb, AnalyticsPrismaClient } from '@suite/db/analytics';
import { createPrismaClient, databaseUrlFor } from '@suite/platform';
import { migrateAll } from '@suite/platform/infra';
import { IngestRecord, ingestEvents } from '../aggregates/ingest';
import { recordOf } from '../events/event-record';
import { MetricsQuery, QueryScope } from '../metrics/metrics-query';
import { metricValue } from '../metrics/metric-math';
import { resolvePeriod } from '../metrics/period';

/** Events ingested (BENCH_ANALYTICS_EVENTS=10000000 for the issue's full size). */
const EVENTS = Number(process.env.BENCH_ANALYTICS_EVENTS ?? 1_000_000);
/** Events per ingest transaction and per COPY: the consumer's fetch batches and a bulk backfill share the statements. */
const BATCH = Number(process.env.BENCH_ANALYTICS_BATCH ?? 1000);
const DAYS = 90;
const START = Date.UTC(2026, 8, 1);
const QUERY_REPEATS = 5;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A deterministic mix: orders placed (1-2 lines), paid, a few fully refunded, checkouts, device alerts; 10 stores, 90 days. */
function* events(count: number): Generator<IngestRecord> {
  let seed = 42;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const stores = Array.from({ length: 10 }, (_, i) => [`00000000-0000-4000-8000-0000000000${10 + i}`, `team-${i % 5}`]);
  const products = Array.from({ length: 200 }, (_, i) => `prod-${i}`);
  const channels = ['storefront', 'marketplace', 'tiktok'];
  for (let i = 0; i < count; i++) {
    const at = new Date(START + Math.floor((i / count) * DAYS * 86_400_000));
    const [storeId, teamId] = pick(stores);
    const order = {
      orderId: randomUUID(),
      storeId,
      teamId,
      userId: `cust-${Math.floor(rnd() * 5000)}`,
      channel: pick(channels),
      currency: 'PHP',
    };
    const total = (10 + Math.floor(rnd() * 50000) / 100).toFixed(2);
    const r = rnd();
    const [subject, payload] =
      r < 0.35
        ? ['evt.orders.order.placed', { ...order, total, items: [{ productId: pick(products), quantity: 1 + Math.floor(rnd() * 3) }] }]
        : r < 0.7
          ? ['evt.orders.order.paid', { ...order, total, amount: total, paymentId: randomUUID() }]
          : r < 0.75
            ? ['evt.orders.order.refunded', { ...order, total, amount: total, refundedAmount: total, paymentId: randomUUID() }]
            : r < 0.95
              ? ['checkout.started', { storeId, channel: order.channel }]
              : [
                  'evt.iot-telemetry.threshold.breached',
                  { deviceId: `dev-${Math.floor(rnd() * 100)}`, userId: `grower-${Math.floor(rnd() * 20)}` },
                ];
    yield { ...recordOf(subject, payload, at), sourceEventId: subject === 'checkout.started' ? null : randomUUID() };
  }
}

function* batches(count: number): Generator<IngestRecord[]> {
  let batch: IngestRecord[] = [];
  for (const e of events(count)) {
    batch.push(e);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const copyLine = (e: IngestRecord) =>
  [
    randomUUID(),
    e.eventType,
    e.entityType ?? '\\N',
    e.entityId ?? '\\N',
    JSON.stringify(e.metadata).replace(/\\/g, '\\\\'),
    e.userId ?? '\\N',
    e.timestamp.toISOString(),
    e.sourceEventId ?? '\\N',
  ].join('\t') + '\n';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  await fn();
  const runs: number[] = [];
  let value!: T;
  for (let i = 0; i < QUERY_REPEATS; i++) {
    const t = performance.now();
    value = await fn();
    runs.push(performance.now() - t);
  }
  return { ms: median(runs), value };
}

/**
 * Run by bench/analytics.bench.ts as a child process (npm run bench, section analytics): the bench
 * project may not import an app, and the ingest statements are the app's own.
 *
 * Analytics (issue 16): (1) ingest of events into AnalyticsEvent + the hourly and daily aggregates (the
 * consumer's statements, batches of BATCH in one transaction each) against a raw COPY of the same rows into a
 * table with the same indexes, alternating batch by batch so both see the same load; (2) a month-sized metric
 * (net revenue by day over 90 days) from the aggregates against the raw SQL aggregate over the raw events.
 */
export async function analyticsBench(): Promise<string[]> {
  const prefix = `bench_an_${randomUUID().slice(0, 8)}_`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_NAME_PREFIX: prefix, LOG_LEVEL: 'warn' };
  const url = databaseUrlFor('analytics', env);
  let migrated = false;
  const pg = new Client({ connectionString: url });
  let db: AnalyticsDb | undefined;
  try {
    await migrateAll(env, ['analytics']);
    migrated = true;
    await pg.connect();
    db = createPrismaClient<AnalyticsDb>(AnalyticsPrismaClient, url, 4);
    await pg.query('CREATE TABLE analytics_event_copy (LIKE analytics_event INCLUDING ALL)');

    let [ingestMs, copyMs, done] = [0, 0, 0];
    const began = performance.now();
    for (const batch of batches(EVENTS)) {
      let t = performance.now();
      await pipeline(
        Readable.from([batch.map(copyLine).join('')]),
        pg.query(
          copyFrom(
            'COPY analytics_event_copy (id, event_type, entity_type, entity_id, metadata, user_id, timestamp, source_event_id) FROM STDIN',
          ),
        ),
      );
      copyMs += performance.now() - t;
      t = performance.now();
      await db.$transaction((tx) => ingestEvents(tx, batch), { timeout: 60_000 });
      ingestMs += performance.now() - t;
      done += batch.length;
      if (done % 1_000_000 === 0 && done < EVENTS) console.log(`    ${fmt(done)} events in ${fmt((performance.now() - began) / 1000)} s`);
    }
    const ingestRate = (EVENTS * 1000) / ingestMs;
    const copyRate = (EVENTS * 1000) / copyMs;
    await pg.query('VACUUM ANALYZE analytics_event');
    await pg.query('VACUUM ANALYZE analytics_aggregate_hourly');
    await pg.query('VACUUM ANALYZE analytics_aggregate_daily');
    const [{ hourly, daily }] = (
      await pg.query(
        'SELECT (SELECT count(*) FROM analytics_aggregate_hourly)::int AS hourly, (SELECT count(*) FROM analytics_aggregate_daily)::int AS daily',
      )
    ).rows;

    const rows = [
      `${fmt(EVENTS)} events in batches of ${BATCH}, ${DAYS} days, 10 stores, 3 channels (whole run ${fmt((performance.now() - began) / 1000)} s; ${fmt(hourly)} hourly and ${fmt(daily)} daily aggregate rows)`,
      `ingest (event row + hourly + daily aggregates + directories + cache invalidation): ${fmt(ingestRate)} events/s`,
      `raw pg COPY of the same rows (same indexes):                                       ${fmt(copyRate)} rows/s`,
      `  ingest / COPY: x${(ingestRate / copyRate).toFixed(2)} (target x0.3)`,
    ];

    const query = new MetricsQuery(db);
    const scope: QueryScope = { teamIds: null, ownerId: null, filters: {} };
    const custom = (timezone: string) =>
      resolvePeriod({ period: 'custom', from: '2026-09-01', to: '2026-11-29', timezone, interval: 'day' });
    const RAW = `SELECT to_char(date_trunc('day', timestamp AT TIME ZONE $3), 'YYYY-MM-DD') AS d,
        sum(CASE WHEN event_type = 'evt.orders.order.paid' THEN (metadata->>'amount')::numeric ELSE -(metadata->>'refundedAmount')::numeric END)::text AS net
      FROM analytics_event WHERE event_type IN ('evt.orders.order.paid', 'evt.orders.order.refunded') AND timestamp >= $1 AND timestamp < $2 GROUP BY 1`;
    for (const timezone of ['UTC', 'Asia/Manila']) {
      const period = custom(timezone);
      const agg = await timed(async () => {
        const [series, totals] = await Promise.all([
          query.series(['order.paid', 'order.refunded'], period, scope, false),
          query.totals(['order.paid', 'order.refunded'], period, scope, false),
        ]);
        return { days: series.size, total: metricValue('TOTAL_REVENUE', totals.get('') ?? {}, { seconds: 0, devices: 0 }) };
      });
      const raw = await timed(async () => {
        const r = await pg.query(RAW, [period.from.toISOString(), period.to.toISOString(), timezone]);
        return { days: r.rowCount, total: r.rows.reduce((s: number, x: { net: string }) => s + Math.round(Number(x.net) * 100), 0) / 100 };
      });
      const same = agg.value.total === raw.value.total.toFixed(2) && agg.value.days === raw.value.days;
      rows.push(
        `TOTAL_REVENUE by day over ${DAYS} days, ${timezone} (${timezone === 'UTC' ? 'daily' : 'hourly'} aggregates): ${agg.ms.toFixed(1)} ms; raw SQL over the events: ${raw.ms.toFixed(1)} ms; aggregate x${(raw.ms / agg.ms).toFixed(0)} faster${same ? ', same figures' : ` MISMATCH ${JSON.stringify([agg.value, raw.value])}`}`,
      );
    }
    return rows;
  } finally {
    await db?.$disconnect();
    await pg.end().catch(() => undefined);
    if (migrated) await dropDatabase(`${prefix}analytics`);
  }
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({
    connectionString: databaseUrlFor('analytics', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
  });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

// As a child of bench/analytics.bench.ts: the rows go back over IPC, progress lines to stdout.
if (require.main === module)
  analyticsBench().then(
    (rows) => process.send?.({ rows }, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
