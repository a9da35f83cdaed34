import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { Pool as HttpPool } from 'undici';
import { databaseUrlFor } from '@suite/platform';
import { startStack } from '@suite/platform/testing';
import { BenchShipment, plan, PlannedRow, Webhook } from './logistics/plan';
import { latencyRow, LoadOptions, throughputRow } from './lib/measure';

/**
 * A tenth of the 50,000 webhooks over 5,000 shipments by default, so the section takes a minute or two on a
 * 2-core machine (the ratio does not depend on the size: one shipment's webhooks touch only its own rows);
 * BENCH_LOGISTICS_WEBHOOKS=50000 BENCH_LOGISTICS_SHIPMENTS=5000 runs the size.
 */
const WEBHOOKS = Number(process.env.BENCH_LOGISTICS_WEBHOOKS ?? 5_000);
const SHIPMENTS = Number(process.env.BENCH_LOGISTICS_SHIPMENTS ?? 500);
/** Warm-up shipments (10 webhooks each, not timed): a tenth of the measured ones, at most 200. */
const WARMUP_SHIPMENTS = Math.max(10, Math.min(200, Math.round(SHIPMENTS / 10)));
const TARGET_RATIO = 0.3;
const SECRET = `bench_whsec_${randomUUID()}`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Answer {
  received: boolean;
  applied: boolean;
  stored: number;
}

/**
 * Tracking webhooks (issue 14): AfterShip-shaped tracking_update webhooks, signed, POSTed to the gateway
 * (/api/v1/webhooks/tracking/aftership -> NATS -> logistics: signature, delivery dedupe, checkpoint dedupe, forward-only
 * status), `concurrency` in flight, against the raw pg insert of the same tracking_events rows (INSERT ... ON CONFLICT
 * DO NOTHING on the same unique key, one statement per webhook, same concurrency) in the same run: half of it before
 * the webhooks and half after, so drifting background load falls on both. Then every invariant is checked.
 */
export async function logisticsBench(load: LoadOptions): Promise<string[]> {
  const stack = await startStack(['logistics'], {
    LOG_LEVEL: 'warn',
    AFTERSHIP_WEBHOOK_SECRET: SECRET,
    // a shared 2-core machine: a slow answer is measured (p99), not turned into a failed run
    NATS_REQUEST_TIMEOUT_MS: '15000',
  });
  const http = new HttpPool(stack.base, { connections: load.concurrency, pipelining: 1 });
  const pool = new Pool({ connectionString: databaseUrlFor('logistics', stack.env), max: load.concurrency });
  try {
    const db = await stack.db('logistics');
    const warm = plan('W', WARMUP_SHIPMENTS, WARMUP_SHIPMENTS * 10, SECRET);
    const bench = plan('B', SHIPMENTS, WEBHOOKS, SECRET);
    await seed(db, [...warm.shipments, ...bench.shipments]);
    await db.query(`CREATE TABLE bench_raw_tracking_events (LIKE tracking_events INCLUDING ALL)`);
    await db.query(`ALTER TABLE bench_raw_tracking_events ADD FOREIGN KEY (shipment_id) REFERENCES shipments(id) ON DELETE CASCADE`);

    // Warm-up (not timed): JIT, pools, statement caches of both paths, on shipments of their own.
    await sendAll(http, warm.webhooks, load.concurrency);
    await rawInsert(pool, warm.webhooks, load.concurrency);

    const half = Math.floor(bench.webhooks.length / 2);
    const rawA = await rawInsert(pool, bench.webhooks.slice(0, half), load.concurrency);
    const hooks = await sendAll(http, bench.webhooks, load.concurrency);
    const rawB = await rawInsert(pool, bench.webhooks.slice(half), load.concurrency);
    const raw = {
      name: `raw pg INSERT ... ON CONFLICT DO NOTHING (${load.concurrency} in flight)`,
      perSecond: (bench.webhooks.length / (rawA.ms + rawB.ms)) * 1000,
      unit: 'rows/s',
      note: `(half before, half after the webhooks: ${fmt((half / rawA.ms) * 1000)} and ${fmt(((bench.webhooks.length - half) / rawB.ms) * 1000)} rows/s)`,
    };
    const perSecond = (bench.webhooks.length / hooks.ms) * 1000;
    const rows = [
      throughputRow(
        {
          name: `webhooks accepted and stored (${load.concurrency} in flight)`,
          perSecond,
          unit: 'events/s',
          note: `(${(hooks.ms / 1000).toFixed(1)} s)`,
        },
        raw,
      ),
      throughputRow(raw),
      latencyRow('webhook answer (gateway, signed POST)', hooks.latencies, 'webhooks'),
    ];
    const ratioNow = perSecond / raw.perSecond;
    rows.push(
      `target: webhooks x${ratioNow.toFixed(2)} of the raw insert (target >= x${TARGET_RATIO}: ${ratioNow >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    rows.push(
      await check(db, bench.shipments, bench.webhooks, hooks.answers, bench.distinctRows, bench.distinctEvents, warm.distinctEvents),
    );
    const dup = bench.webhooks.filter((w) => w.duplicate).length;
    const redelivered = bench.webhooks.filter((w) => w.duplicate === 'redelivery').length;
    const late = bench.webhooks.filter((w) => w.outOfOrder).length;
    rows.push(
      `(${fmt(bench.webhooks.length)} webhooks over ${fmt(SHIPMENTS)} shipments, one checkpoint each: ${fmt(dup)} duplicates (${pctOf(dup, bench.webhooks.length)}: ${fmt(redelivered)} redelivered events, ${fmt(dup - redelivered)} a checkpoint repeated in a new event), ` +
        `${fmt(late)} out of order (${pctOf(late, bench.webhooks.length)}); shipments seeded DISPATCHED in the logistics database; BENCH_LOGISTICS_WEBHOOKS / BENCH_LOGISTICS_SHIPMENTS resize it)`,
    );
    return rows;
  } catch (error) {
    // why a webhook failed is in the service's log, not in the gateway's 500
    const tail = (r: { output: () => string }) => r.output().trimEnd().split('\n').slice(-20).join('\n');
    console.error(`logistics:\n${tail(stack.services.logistics)}\ngateway:\n${tail(stack.gateway)}`);
    throw error;
  } finally {
    await http.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await stack.stop();
  }
}

const pctOf = (n: number, of: number) => `${((n / of) * 100).toFixed(0)}%`;

/** The shipments as fulfillment's SHIPPED event leaves them: dispatched, with a carrier and tracking number. */
async function seed(db: Client, shipments: BenchShipment[]): Promise<void> {
  await db.query(
    `INSERT INTO shipments (id, order_id, status, carrier, tracking_number, dispatched_at, source, updated_at)
     SELECT id, gen_random_uuid(), 'DISPATCHED', 'usps', tn, now(), 'BENCH', now() FROM unnest($1::uuid[], $2::text[]) AS t(id, tn)`,
    [shipments.map((s) => s.id), shipments.map((s) => s.trackingNumber)],
  );
  await db.query('ANALYZE shipments');
}

/** POSTs every webhook in order, `concurrency` in flight; each must be answered 200. */
async function sendAll(http: HttpPool, webhooks: Webhook[], concurrency: number) {
  const latencies: number[] = new Array(webhooks.length);
  const answers: Answer[] = new Array(webhooks.length);
  let next = 0;
  const worker = async () => {
    while (next < webhooks.length) {
      const i = next++;
      const w = webhooks[i];
      const t = performance.now();
      const { statusCode, body } = await http.request({
        method: 'POST',
        path: '/api/v1/webhooks/tracking/aftership',
        headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': w.signature },
        body: w.body,
      });
      const text = await body.text();
      latencies[i] = performance.now() - t;
      if (statusCode !== 200) throw new Error(`logistics bench: webhook answered ${statusCode}: ${text}`);
      answers[i] = JSON.parse(text) as Answer;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - started, latencies, answers };
}

/** The same rows straight into a copy of tracking_events (same unique key and indexes, FK to shipments). */
async function rawInsert(pool: Pool, webhooks: Webhook[], concurrency: number) {
  const sql = `INSERT INTO bench_raw_tracking_events (id, shipment_id, provider, dedupe_key, status, carrier_status, carrier_substatus, message, location, occurred_at)
               VALUES (gen_random_uuid(), $1, 'AFTERSHIP', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`;
  const params = (r: PlannedRow) => [
    r.shipmentId,
    r.dedupeKey,
    r.status,
    r.carrierStatus,
    r.carrierSubstatus,
    r.message,
    r.location,
    r.occurredAt,
  ];
  let next = 0;
  const worker = async () => {
    while (next < webhooks.length) await pool.query(sql, params(webhooks[next++].row));
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - started };
}

/**
 * Every distinct checkpoint stored exactly once (and each stored by exactly one answer), duplicates stored nothing,
 * every event id recorded once, each shipment at the furthest-forward status of its checkpoints (late ones moved
 * nothing back), the raw copy holding the same rows.
 */
async function check(
  db: Client,
  shipments: BenchShipment[],
  webhooks: Webhook[],
  answers: Answer[],
  distinctRows: number,
  distinctEvents: number,
  warmEvents: number,
) {
  const ids = shipments.map((s) => s.id);
  const problems: string[] = [];
  const stored = Number((await db.query('SELECT count(*) AS n FROM tracking_events WHERE shipment_id = ANY($1::uuid[])', [ids])).rows[0].n);
  const keys = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM tracking_events e JOIN unnest($1::uuid[], $2::text[]) AS p(sid, key) ON e.shipment_id = p.sid AND e.dedupe_key = p.key`,
    [webhooks.filter((w) => !w.duplicate).map((w) => w.row.shipmentId), webhooks.filter((w) => !w.duplicate).map((w) => w.row.dedupeKey)],
  );
  if (stored !== distinctRows || Number(keys.rows[0].n) !== distinctRows)
    problems.push(
      `${fmt(stored)} rows stored, ${fmt(Number(keys.rows[0].n))} of the planned keys, for ${fmt(distinctRows)} distinct checkpoints`,
    );
  const reported = answers.reduce((s, a) => s + a.stored, 0);
  if (reported !== distinctRows) problems.push(`answers report ${fmt(reported)} stored for ${fmt(distinctRows)} distinct checkpoints`);
  const dupStored = webhooks.filter((w, i) => w.duplicate && answers[i].stored > 0).length;
  if (dupStored) problems.push(`${dupStored} duplicate webhooks stored something`);
  const notApplied = webhooks.filter((w, i) => !w.duplicate && !answers[i].applied).length;
  if (notApplied) problems.push(`${notApplied} first deliveries not applied`);
  const deliveries = Number(
    (await db.query(`SELECT count(*) AS n FROM tracking_webhook_deliveries WHERE provider = 'AFTERSHIP'`)).rows[0].n,
  );
  if (deliveries !== distinctEvents + warmEvents)
    problems.push(`${fmt(deliveries)} event ids recorded for ${fmt(distinctEvents + warmEvents)} distinct events`);
  const { rows: statuses } = await db.query<{ id: string; status: string; furthest: string }>(
    `SELECT s.id::text, s.status::text, (SELECT e.status::text FROM tracking_events e WHERE e.shipment_id = s.id
        ORDER BY array_position(ARRAY['IN_TRANSIT','OUT_FOR_DELIVERY','DELIVERED'], e.status::text) DESC LIMIT 1) AS furthest
     FROM shipments s WHERE s.id = ANY($1::uuid[])`,
    [ids],
  );
  const expected = new Map(shipments.map((s) => [s.id, s.expected]));
  const wrong = statuses.filter((r) => r.status !== r.furthest || r.status !== expected.get(r.id));
  if (wrong.length) problems.push(`${wrong.length} shipments not at the furthest status of their events, e.g. ${JSON.stringify(wrong[0])}`);
  const raw = Number(
    (await db.query('SELECT count(*) AS n FROM bench_raw_tracking_events WHERE shipment_id = ANY($1::uuid[])', [ids])).rows[0].n,
  );
  if (raw !== distinctRows) problems.push(`raw copy holds ${fmt(raw)} rows for ${fmt(distinctRows)}`);
  const by = (s: string) => statuses.filter((r) => r.status === s).length;
  const checked =
    `checked: ${fmt(stored)} checkpoints stored once each (= distinct, = sum of answers' stored, = raw copy), duplicates stored 0, ` +
    `${fmt(deliveries)} event ids recorded (${fmt(distinctEvents)} distinct here + ${fmt(warmEvents)} warm-up), ` +
    `${fmt(statuses.length)} shipments at their furthest status (${fmt(by('DELIVERED'))} delivered, ${fmt(by('OUT_FOR_DELIVERY'))} out for delivery, ${fmt(by('IN_TRANSIT'))} in transit)`;
  if (problems.length) throw new Error(`logistics invariants broken: ${problems.join('; ')} (${checked})`);
  return checked;
}
