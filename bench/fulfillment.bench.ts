import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { OrderPaid } from '@suite/contracts/orders';
import { databaseUrlFor, EVENT_VERSION_HEADER, eventStreamFor } from '@suite/platform';
import { startStack, Stack } from '@suite/platform/testing';
import { BenchChild, forkChild } from './lib/child';
import { measureLoads } from './lib/load';
import { latencyRow, LoadOptions, ratio, throughputRow } from './lib/measure';

const FACTORIES = 50;
const LOCATIONS_PER_FACTORY = 4;
const CODES = 400;
/** Orders published at once for the throughput figure. */
const BURST = Number(process.env.BENCH_FULFILLMENT_BURST ?? 1000);
/** Offered rates (orders/s) for the latency figures: low (10/s for durationMs, each decision should run alone), and the target for 2 s. */
const RATES = [10, 300];
const RATE_MS = 2000;
const TARGET_PER_SECOND = 300;
const TARGET_RATIO = 3;
const COUNTRIES: { country: string; provinces: string[] }[] = [
  { country: 'PH', provinces: ['NCR', 'CEBU', 'DAVAO'] },
  { country: 'US', provinces: ['CA', 'NY', 'TX'] },
  { country: 'VN', provinces: ['HN', 'SG'] },
  { country: 'TH', provinces: ['BKK', 'CM'] },
  { country: 'ID', provinces: ['JK', 'BA'] },
];
const STORES = Array.from({ length: 8 }, () => randomUUID());
const code = (i: number) => `SV-${String(i).padStart(3, '0')}`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The candidate query alone: the rows loadRoutingInputs (apps/fulfillment/src/routing/candidate-query.ts) ranks on, the
 * order's supplier variants at active factories with each factory's remaining capacity today, as a plain join (the
 * service's statement reads the same rows, plus locations, rules and whether the order was routed, as JSON arrays),
 * with the order's codes drawn at random from the bench's own orders ($1: a JSON array of their code lists), so the
 * baseline reads the same variants for the same orders.
 */
const CANDIDATE_SQL = `
    WITH p AS (SELECT array(SELECT jsonb_array_elements_text($1::jsonb -> floor(random() * jsonb_array_length($1::jsonb))::int)) AS codes)
    SELECT f.id::text AS id, f.code, f.supplier_type::text AS "supplierType", f.is_active AS "isActive",
           f.is_primary AS "isPrimary", f.print_methods AS "printMethods", f.quality_rating::float8 AS "qualityRating",
           (f.capacity - COALESCE(used.units, 0))::int AS remaining,
           v.id::text AS "variantId", v.system_variant_code AS "systemVariantCode", v.supplier_variant_code AS "supplierVariantCode",
           v.supplier_price::float8 AS price, v.lead_time AS "leadTime", v.is_available AS "isAvailable", v.print_method AS "printMethod"
    FROM supplier_variants v
    JOIN factories f ON f.id = v.factory_id AND f.is_active
    LEFT JOIN factory_daily_load used ON used.factory_id = f.id AND used.day = (now() AT TIME ZONE 'UTC')::date
    WHERE v.system_variant_code = ANY((SELECT codes FROM p)::text[])
    ORDER BY f.id`;

interface Order {
  orderId: string;
  codes: string[];
  units: number;
  payload: object;
}

/**
 * Routing (issue 13): OrderPaid events published on JetStream as orders' outbox relay would, routed by the real
 * fulfillment service over 50 factories, 200 locations and 20,000 supplier variants; against the candidate SQL query
 * alone on a pg Pool in a load child (its own process), in the same run, on the same rows.
 */
export async function fulfillmentBench(load: LoadOptions): Promise<string[]> {
  const stack = await startStack(['fulfillment'], { LOG_LEVEL: 'warn' });
  let loader: BenchChild | undefined;
  try {
    const db = await stack.db('fulfillment');
    await seed(db);
    const jsm = await jetstreamManager(stack.nc);
    const stream = eventStreamFor('orders');
    await jsm.streams.info(stream.name).catch(() => jsm.streams.add({ name: stream.name, subjects: stream.subjects }));
    const all: Order[] = [];
    const next = (n: number) => {
      const batch = Array.from({ length: n }, (_, i) => makeOrder(all.length + i));
      all.push(...batch);
      return batch;
    };
    const rows: string[] = [];

    // Warm-up: JIT, pools, the consumer's fetch loop; not timed.
    await routeAll(stack, db, next(200), 0);

    // Fixed offered rates: latency from publish to the committed fulfillment, and whether the rate was kept.
    let unsaturated: number[] = [];
    for (const rate of RATES) {
      const orders = next(Math.round((rate * (rate === RATES[0] ? Math.max(load.durationMs, RATE_MS) : RATE_MS)) / 1000));
      const r = await routeAll(stack, db, orders, rate);
      if (rate === RATES[0]) unsaturated = r.latencies;
      rows.push(
        latencyRow(`routed at ${rate}/s offered: publish -> committed`, r.latencies, 'orders') + `  (${fmt(r.perSecond)} orders/s routed)`,
      );
    }

    // The raw candidate query alone, with the same orders' codes, on the rows the routing left, just before and just
    // after the burst (it reads one daily load row per candidate factory, so it should not slow as the day fills);
    // the burst's decisions ran between the two states, and are compared with their mean.
    loader = await forkChild(join(__dirname, 'lib', 'load-child.js'), [], stack.env);
    const sample = all.slice(-500).map((o) => o.codes);
    const rawNow = async (when: string) =>
      (
        await measureLoads(
          loader!,
          [
            {
              name: `raw candidate query, ${when}`,
              job: {
                kind: 'pg',
                connectionString: databaseUrlFor('fulfillment', stack.env),
                poolMax: 1,
                sql: CANDIDATE_SQL,
                params: [JSON.stringify(sample)],
              },
              probes: [],
            },
          ],
          { ...load, concurrency: 1, durationMs: 2000, warmupMaxMs: 4000 },
        )
      )[0];
    const rawBefore = await rawNow(`${fmt(await count(db))} fulfillments`);

    // Burst: every order published at once; orders/s = orders / (first publish -> last order committed).
    const burst = await routeAll(stack, db, next(BURST), Infinity);
    const rawAfter = await rawNow(`${fmt(await count(db))} fulfillments`);
    rows.push(
      throughputRow({
        name: `routed, burst of ${fmt(BURST)}`,
        perSecond: burst.perSecond,
        unit: 'orders/s',
        note: `(${(burst.spanMs / 1000).toFixed(1)} s; in-service time ${(1000 / burst.perSecond).toFixed(2)} ms/order)`,
      }),
    );
    const raw = {
      name: 'raw candidate query (pg, 1 in flight, mean of before/after the burst)',
      operations: rawBefore.operations + rawAfter.operations,
      opsPerSecond: Math.round((rawBefore.opsPerSecond + rawAfter.opsPerSecond) / 2),
      p50Ms: (rawBefore.p50Ms + rawAfter.p50Ms) / 2,
      p99Ms: (rawBefore.p99Ms + rawAfter.p99Ms) / 2,
    };
    const rawRow = (m: typeof raw) =>
      `${m.name.padEnd(44)} ${String(m.opsPerSecond).padStart(8)} ops/s  p50 ${m.p50Ms.toFixed(3)} ms  p99 ${m.p99Ms.toFixed(3)} ms`;
    rows.unshift(
      ratio(
        {
          name: 'routing decision (burst, in-service)',
          operations: BURST,
          opsPerSecond: Math.round(burst.perSecond),
          p50Ms: 1000 / burst.perSecond,
          p99Ms: NaN,
        },
        raw,
      )
        .replace('p50', 'mean')
        .replace('p99 NaN ms', 'p99 n/a'),
      rawRow(rawBefore),
      rawRow(rawAfter),
    );
    rows.push(await diagnose(db, sample));

    const serviceRatio = 1000 / burst.perSecond / raw.p50Ms;
    const p99Ratio = pct(unsaturated, 99) / rawBefore.p99Ms;
    rows.push(
      `targets: decision x${serviceRatio.toFixed(2)} of the raw query (in-service time per order / raw p50; target <= x${TARGET_RATIO}: ${serviceRatio <= TARGET_RATIO ? 'met' : 'NOT met'}); ` +
        `end-to-end p99 at ${RATES[0]}/s x${p99Ratio.toFixed(2)} of the raw p99 before the burst (incl. JetStream delivery, inbox, commit); ` +
        `${fmt(burst.perSecond)} orders/s routed (target >= ${TARGET_PER_SECOND}: ${burst.perSecond >= TARGET_PER_SECOND ? 'met' : 'NOT met'})`,
    );
    rows.push(await check(db, all));
    rows.push(
      `(${FACTORIES} factories, ${FACTORIES * LOCATIONS_PER_FACTORY} locations, ${fmt(FACTORIES * CODES)} supplier variants; orders of 1-3 lines x 1-2 units over ${COUNTRIES.length} countries; ` +
        `the service routes up to 8 orders at once (consumer concurrency 8, one order per transaction), and in-service time = burst span / orders; latencies: publish (JS clock) -> fulfillment row visible, polled every 10 ms)`,
    );
    await db.end();
    return rows;
  } finally {
    await loader?.stop().catch(() => undefined);
    await stack.stop();
  }
}

async function seed(db: Client): Promise<void> {
  const f = Array.from({ length: FACTORIES }, (_, i) => ({
    id: randomUUID(),
    code: `F-${String(i).padStart(2, '0')}`,
    printMethods: ['DTG', ...(i % 2 === 0 ? ['SCREEN'] : []), ...(i % 3 === 0 ? ['DTF'] : [])].join(','),
    // Far more than the run can route in a day: capacity is checked, never the limit.
    capacity: 100_000 + i * 1_000,
    quality: (3 + (i % 21) / 10).toFixed(2),
    primary: i % 10 === 0,
  }));
  await db.query(
    `INSERT INTO factories (id, name, code, supplier_type, print_methods, capacity, quality_rating, is_primary, updated_at)
     SELECT id, code, code, 'PRINTER', string_to_array(pm, ','), cap, q, pr, now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::numeric[], $6::bool[]) AS t(id, code, pm, cap, q, pr)`,
    [
      f.map((x) => x.id),
      f.map((x) => x.code),
      f.map((x) => x.printMethods),
      f.map((x) => x.capacity),
      f.map((x) => x.quality),
      f.map((x) => x.primary),
    ],
  );
  // Four locations each: the home country whole (default), two regions of the next country, a neighbour country whole, a postal prefix.
  const l: { factoryId: string; country: string; zones: string; isDefault: boolean }[] = [];
  f.forEach((x, i) => {
    const home = COUNTRIES[i % COUNTRIES.length];
    const other = COUNTRIES[(i + 1) % COUNTRIES.length];
    const third = COUNTRIES[(i + 2) % COUNTRIES.length];
    l.push({ factoryId: x.id, country: home.country, zones: home.country, isDefault: true });
    l.push({
      factoryId: x.id,
      country: other.country,
      zones: other.provinces
        .slice(0, 2)
        .map((p) => `${other.country}:${p}`)
        .join('|'),
      isDefault: false,
    });
    l.push({ factoryId: x.id, country: third.country, zones: third.country, isDefault: false });
    l.push({ factoryId: x.id, country: home.country, zones: `${home.country}:1`, isDefault: false });
  });
  await db.query(
    `INSERT INTO factory_locations (id, factory_id, name, location_type, address_1, city, country, shipping_zones, is_default, updated_at)
     SELECT gen_random_uuid(), fid, 'Plant', 'PRODUCTION', '1 Road', 'City', c, string_to_array(z, '|'), d, now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bool[]) AS t(fid, c, z, d)`,
    [l.map((x) => x.factoryId), l.map((x) => x.country), l.map((x) => x.zones), l.map((x) => x.isDefault)],
  );
  // 400 codes x 50 factories: price 3.00-7.90, lead time 1-10 days, 1 in 11 unavailable, print method none/DTG/SCREEN/DTF.
  await db.query(
    `INSERT INTO supplier_variants (id, factory_id, system_variant_code, supplier_product_code, supplier_variant_code, supplier_price, lead_time, is_available, print_method, updated_at)
     SELECT gen_random_uuid(), f.id, c.code, 'P-' || f.n, f.code || '-' || c.code, 3 + ((f.n * 7 + c.n * 13) % 50) / 10.0, 1 + (f.n * 3 + c.n) % 10,
            (f.n + c.n) % 11 <> 0, (ARRAY[NULL, 'DTG', 'SCREEN', 'DTF'])[1 + (f.n + c.n) % 4], now()
     FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS f(id, code, n), unnest($3::text[]) WITH ORDINALITY AS c(code, n)`,
    [f.map((x) => x.id), f.map((x) => x.code), Array.from({ length: CODES }, (_, i) => code(i))],
  );
  await db.query(
    `INSERT INTO routing_rules (id, name, priority, filters, sort, fallback, updated_at) VALUES
       (gen_random_uuid(), 'fast stores', 10, $1, '{SHORTEST_LEAD_TIME,LOWEST_PRICE}', 'NEXT_RULE', now()),
       (gen_random_uuid(), 'premium PH', 20, '{"countries":["PH"],"minQualityRating":4.5}', '{BEST_QUALITY,LOWEST_PRICE}', 'NEXT_RULE', now()),
       (gen_random_uuid(), 'screen print', 30, '{"printMethods":["SCREEN"]}', '{PRIMARY_FIRST,LOWEST_PRICE}', 'NEXT_RULE', now()),
       (gen_random_uuid(), 'everything else', 100, '{}', '{PRIMARY_FIRST,LOWEST_PRICE,SHORTEST_LEAD_TIME}', 'HOLD', now())`,
    [JSON.stringify({ storeIds: STORES.slice(0, 2) })],
  );
  await db.query('ANALYZE');
}

/** Deterministic in n: 1-3 lines of distinct codes, 1-2 units each, a destination among the seeded countries. */
function makeOrder(n: number): Order {
  const orderId = randomUUID();
  const lines = 1 + (n % 3);
  const codes = Array.from({ length: lines }, (_, i) => code((n * 37 + i * 101) % CODES));
  const place = COUNTRIES[n % COUNTRIES.length];
  const province = place.provinces[Math.floor(n / COUNTRIES.length) % place.provinces.length];
  const items = codes.map((c, i) => ({
    orderItemId: randomUUID(),
    productId: randomUUID(),
    systemVariantCode: c,
    designId: null,
    quantity: 1 + ((n + i) % 2),
  }));
  return {
    orderId,
    codes,
    units: items.reduce((s, i) => s + i.quantity, 0),
    payload: {
      orderId,
      orderCode: `ORD-${orderId.slice(0, 8)}`,
      orderNumber: orderId.slice(0, 8),
      status: 'CONFIRMED',
      storeId: STORES[n % STORES.length],
      userId: randomUUID(),
      teamId: randomUUID(),
      total: '100.00',
      currency: 'PHP',
      paymentMethod: 'GCASH',
      paymentId: randomUUID(),
      amount: '100.00',
      shipTo: { country: place.country, province, city: 'City', postalCode: n % 4 === 0 ? '1000' : '2000' },
      items,
    },
  };
}

/**
 * Publishes the orders at `rate` per second (Infinity: all at once, 200 publishes in flight) and waits until each has
 * a fulfillment row (routed or held); returns each order's publish -> visible latency and the orders/s from the first
 * publish to the last order seen.
 */
async function routeAll(stack: Stack, db: Client, orders: Order[], rate: number) {
  const js = jetstream(stack.nc);
  const published = new Map<string, number>();
  const seen = new Map<string, number>();
  let publishing = true;
  const poll = (async () => {
    let idle = Date.now();
    while (publishing || seen.size < orders.length) {
      const pending = [...published.keys()].filter((id) => !seen.has(id));
      if (pending.length > 0) {
        const { rows } = await db.query<{ order_id: string }>(
          'SELECT DISTINCT order_id::text FROM fulfillments WHERE order_id = ANY($1::uuid[])',
          [pending],
        );
        const now = performance.now();
        for (const r of rows) seen.set(r.order_id, now);
        if (rows.length > 0) idle = Date.now();
      }
      if (Date.now() - idle > 60000) throw new Error(`fulfillment bench: ${orders.length - seen.size} orders not routed after 60 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const publish = async (o: Order) => {
    const h = natsHeaders();
    h.set(EVENT_VERSION_HEADER, String(OrderPaid.version));
    const at = performance.now();
    await js.publish(OrderPaid.subject, JSON.stringify(o.payload), { msgID: randomUUID(), headers: h });
    published.set(o.orderId, at);
  };
  const started = performance.now();
  try {
    if (rate === Infinity) {
      for (let i = 0; i < orders.length; i += 200) await Promise.all(orders.slice(i, i + 200).map(publish));
    } else if (rate === 0) {
      await Promise.all(orders.map(publish));
    } else {
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < orders.length; i++) {
        const due = started + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        inFlight.push(publish(orders[i]));
      }
      await Promise.all(inFlight);
    }
  } finally {
    publishing = false;
  }
  await poll;
  const last = Math.max(...seen.values());
  const spanMs = last - started;
  return {
    latencies: orders.map((o) => seen.get(o.orderId)! - published.get(o.orderId)!),
    spanMs,
    perSecond: (orders.length / spanMs) * 1000,
  };
}

/** Every order has exactly one outcome (routed fulfillments, or one held one), one decision per fulfillment, no factory over its capacity today. */
async function check(db: Client, orders: Order[]): Promise<string> {
  const ids = orders.map((o) => o.orderId);
  const { rows } = await db.query<{
    order_id: string;
    routed: number;
    held: number;
    fulfillments: number;
    decisions: number;
    units: number;
  }>(
    `SELECT f.order_id::text, count(*) FILTER (WHERE f.factory_id IS NOT NULL)::int AS routed, count(*) FILTER (WHERE f.factory_id IS NULL)::int AS held,
            count(*)::int AS fulfillments,
            (SELECT count(*) FROM routing_decisions d JOIN fulfillments g ON g.id = d.fulfillment_id WHERE g.order_id = f.order_id)::int AS decisions,
            (SELECT COALESCE(sum(i.quantity), 0) FROM fulfillment_items i JOIN fulfillments g ON g.id = i.fulfillment_id WHERE g.order_id = f.order_id)::int AS units
     FROM fulfillments f WHERE f.order_id = ANY($1::uuid[]) GROUP BY f.order_id`,
    [ids],
  );
  const units = new Map(orders.map((o) => [o.orderId, o.units]));
  const problems: string[] = [];
  if (rows.length !== orders.length) problems.push(`${orders.length - rows.length} orders without an outcome`);
  const bad = rows.filter(
    (r) => (r.held > 0 && (r.held !== 1 || r.routed !== 0)) || r.decisions !== r.fulfillments || r.units !== units.get(r.order_id),
  );
  if (bad.length)
    problems.push(
      `${bad.length} orders with other than one outcome, one decision per fulfillment and all their units, e.g. ${JSON.stringify(bad[0])}`,
    );
  const over = await db.query(
    `SELECT f.code, f.capacity, sum(i.quantity)::int AS units FROM fulfillments fu JOIN fulfillment_items i ON i.fulfillment_id = fu.id JOIN factories f ON f.id = fu.factory_id
     WHERE fu.created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' GROUP BY f.code, f.capacity HAVING sum(i.quantity) > f.capacity`,
  );
  if (over.rowCount) problems.push(`factories over capacity: ${JSON.stringify(over.rows)}`);
  const drift = await db.query(
    `SELECT f.code, COALESCE(l.units, 0)::int AS load, COALESCE(a.units, 0)::int AS assigned FROM factories f
     LEFT JOIN factory_daily_load l ON l.factory_id = f.id AND l.day = (now() AT TIME ZONE 'UTC')::date
     LEFT JOIN (SELECT fu.factory_id, sum(i.quantity) AS units FROM fulfillments fu JOIN fulfillment_items i ON i.fulfillment_id = fu.id
                WHERE fu.status <> 'FAILED' GROUP BY 1) a ON a.factory_id = f.id
     WHERE COALESCE(l.units, 0) <> COALESCE(a.units, 0)`,
  );
  if (drift.rowCount) problems.push(`daily load counters differ from the units assigned: ${JSON.stringify(drift.rows)}`);
  const decisions = Number((await db.query('SELECT count(*) AS n FROM routing_decisions')).rows[0].n);
  const fulfillments = Number((await db.query('SELECT count(*) AS n FROM fulfillments')).rows[0].n);
  const routed = rows.filter((r) => r.routed > 0).length;
  const split = rows.filter((r) => r.routed > 1).length;
  const checked = `checked: ${fmt(orders.length)} orders, ${fmt(routed)} routed (${fmt(split)} split), ${fmt(rows.length - routed)} held; ${fmt(decisions)} decision rows = ${fmt(fulfillments)} fulfillments; no factory over its capacity today, every daily load counter = its units`;
  if (problems.length || decisions !== fulfillments) throw new Error(`fulfillment invariants broken: ${problems.join('; ')} (${checked})`);
  return checked;
}

const pct = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

const count = async (db: Client) => Number((await db.query('SELECT count(*) AS n FROM fulfillments')).rows[0].n);

/** What the candidate query's time is made of: its median with and without the daily load join, same codes. */
async function diagnose(db: Client, sample: string[][]): Promise<string> {
  const withoutUsed = CANDIDATE_SQL.replace(
    /LEFT JOIN factory_daily_load used ON .*$/m,
    'LEFT JOIN LATERAL (SELECT 0 AS units) used ON true',
  );
  const median = async (sql: string) => {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      await db.query(sql, [JSON.stringify(sample)]);
      times.push(performance.now() - t);
    }
    return pct(times, 50);
  };
  const [full, bare] = [await median(CANDIDATE_SQL), await median(withoutUsed)];
  return `diagnosis (${fmt(await count(db))} fulfillments today): candidate query p50 ${full.toFixed(2)} ms, without the daily load join ${bare.toFixed(2)} ms`;
}
