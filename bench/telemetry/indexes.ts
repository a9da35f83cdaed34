import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';

const SENSORS = 1000;
/** One reading per sensor per minute: 500k rows span ~8.3 hours, and the queried hour is one eighth of the table. */
const STEP_SECONDS = 60;
const BATCH = 2000;
const BASE = Date.UTC(2026, 0, 1);

const VARIANTS = [
  {
    name: 'unique(sensor,ts) + BRIN(ts) [chosen]',
    indexes: ['UNIQUE INDEX ON %t (sensor_id, "timestamp")', 'INDEX ON %t USING brin ("timestamp")'],
  },
  {
    name: '+ btree(device_id, ts)',
    indexes: [
      'UNIQUE INDEX ON %t (sensor_id, "timestamp")',
      'INDEX ON %t USING brin ("timestamp")',
      'INDEX ON %t (device_id, "timestamp")',
    ],
  },
  { name: 'btree(ts) instead of BRIN', indexes: ['UNIQUE INDEX ON %t (sensor_id, "timestamp")', 'INDEX ON %t ("timestamp")'] },
];

/**
 * Rows g..g+n as the writer would store them: 1000 sensors of 200 devices, arriving in time order, UUIDv7-shaped ids
 * (PostgreSQL 15 has no uuidv7(): the millisecond time in the first 48 bits, hashed bits after).
 */
const INSERT = (table: string) => `
INSERT INTO ${table} (id, device_id, sensor_id, user_id, type, value, unit, quality, "timestamp")
SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex((g % ${SENSORS}) / 5), 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(to_hex(g % ${SENSORS}), 12, '0'))::uuid,
       '00000000-0000-4000-a000-000000000000'::uuid, 'temperature', 18 + (g % 97) / 10.0, '°C', 'GOOD', to_timestamp(ms / 1000.0)
FROM generate_series($1::bigint, $2::bigint) AS g,
     LATERAL (SELECT ${BASE}::bigint + (g / ${SENSORS}) * ${STEP_SECONDS * 1000} + (g % ${SENSORS}) AS ms, md5(g::text) AS h) AS x`;

export interface IndexVariantResult {
  name: string;
  rowsPerSecond: number;
  indexBytes: number;
  timeIndexBytes: number;
  queryMs: number;
  plan: string;
}

/**
 * The index choice for sensor_data, on scratch copies of its columns in the same database: the same `rows` ingested in
 * writer-sized batches with each set of indexes, then "one hour across all sensors: count and avg" (median of 11).
 * The variants take turns batch by batch, so a checkpoint or a neighbour's load on this shared machine hits them alike.
 */
export async function indexChoice(db: Client, rows: number): Promise<IndexVariantResult[]> {
  const from = new Date(BASE + Math.floor(rows / SENSORS / 2) * STEP_SECONDS * 1000);
  const to = new Date(from.getTime() + 3600_000);
  const tables = VARIANTS.map((_, i) => `bench_sensor_data_idx${i}`);
  try {
    for (const [i, variant] of VARIANTS.entries()) {
      await db.query(`DROP TABLE IF EXISTS ${tables[i]}`);
      await db.query(`CREATE TABLE ${tables[i]} (LIKE sensor_data INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id))`);
      for (const index of variant.indexes) await db.query(`CREATE ${index.replace('%t', tables[i])}`);
    }
    const spent = tables.map(() => 0);
    for (let g = 0; g < rows; g += BATCH) {
      for (const [i, table] of tables.entries()) {
        const started = performance.now();
        await db.query(INSERT(table), [g, Math.min(rows, g + BATCH) - 1]);
        spent[i] += performance.now() - started;
      }
    }
    const results: IndexVariantResult[] = [];
    for (const [i, table] of tables.entries()) {
      await db.query(`VACUUM ANALYZE ${table}`);
      const sizes = await db.query(
        `SELECT pg_indexes_size($1::regclass)::bigint AS total,
                coalesce(sum(pg_relation_size(i.indexrelid)) FILTER (WHERE pg_get_indexdef(i.indexrelid) ~ '\\("timestamp"\\)$'), 0)::bigint AS time_index
         FROM pg_index i WHERE i.indrelid = $1::regclass`,
        [table],
      );
      const query = `SELECT count(*), avg(value) FROM ${table} WHERE "timestamp" >= $1 AND "timestamp" < $2`;
      const plan = (await db.query(`EXPLAIN (FORMAT JSON) ${query}`, [from, to])).rows[0]['QUERY PLAN'][0].Plan;
      const times: number[] = [];
      for (let run = 0; run < 12; run++) {
        const t = performance.now();
        await db.query(query, [from, to]);
        if (run > 0) times.push(performance.now() - t); // the first run warms the cache
      }
      times.sort((a, b) => a - b);
      results.push({
        name: VARIANTS[i].name,
        rowsPerSecond: (rows * 1000) / spent[i],
        indexBytes: Number(sizes.rows[0].total),
        timeIndexBytes: Number(sizes.rows[0].time_index),
        queryMs: times[5],
        plan: scanOf(plan),
      });
    }
    return results;
  } finally {
    for (const table of tables) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** The scan node under the aggregate: "Bitmap Heap Scan", "Index Only Scan", "Seq Scan"... */
function scanOf(plan: { 'Node Type': string; Plans?: unknown[] }): string {
  let node = plan;
  while (node.Plans?.length && !/Scan/.test(node['Node Type'])) node = node.Plans[0] as typeof plan;
  return node['Node Type'];
}
