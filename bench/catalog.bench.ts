import { join } from 'node:path';
import { databaseUrlFor } from '@suite/platform';
import { startStack } from '@suite/platform/testing';
import { BenchChild, forkChild } from './lib/child';
import { cpuRow, measureLoads } from './lib/load';
import { LoadOptions, ratio } from './lib/measure';
import { CpuProbe, loadAverage, natsServerPids } from './lib/proc-cpu';

const script = (name: string) => join(__dirname, 'lib', `${name}.js`);
/** pg Pool size of the raw baseline. */
const POOL_MAX = 10;

const PRODUCTS = 100_000;
const SEARCH_WORD = 'hoodie';

/**
 * The SQL catalog runs for an anonymous `GET /products` (apps/catalog/src/products/product-query.ts,
 * written out here because tooling does not import app code): keep the two in step.
 */
const COLUMNS = `p.id::text AS id, p.store_id::text AS store_id, p.sku, p.name, p.slug, p.description,
  p.price::text AS price, p.base_price::text AS base_price, p.compare_price::text AS compare_price, p.cost_price::text AS cost_price,
  p.stock, p.min_stock, p.max_cart_qty, p.weight, p.dimensions, p.images, p.tags, p.attributes, p.status::text AS status,
  p.is_featured, p.seo_title, p.seo_description, p.rating_average::text AS rating_average, p.rating_count, p.is_deleted,
  p.created_at, p.updated_at, ARRAY(SELECT pc.category_id::text FROM product_categories pc WHERE pc.product_id = p.id) AS category_ids`;
const LIST_SQL = `SELECT ${COLUMNS} FROM products p WHERE NOT p.is_deleted AND p.status = 'ACTIVE' ORDER BY p.created_at DESC, p.id DESC LIMIT $1::int`;
const SEARCH_SQL = `SELECT ${COLUMNS} FROM products p WHERE NOT p.is_deleted AND p.status = 'ACTIVE' AND p.name ILIKE $1 ORDER BY p.created_at DESC, p.id DESC LIMIT $2::int`;

/** 100,000 ACTIVE products of one store in one statement; every sixth is a hoodie, a second apart. */
const SEED_SQL = `
WITH store AS (
  INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES (gen_random_uuid(), gen_random_uuid(), 'Bench shop', 'SHOPIFY', now()) RETURNING id
)
INSERT INTO products (id, store_id, sku, name, slug, price, stock, min_stock, status, created_at, updated_at)
SELECT gen_random_uuid(), store.id, 'BENCH-' || g,
       (ARRAY['Shiitake', 'Oyster', 'Enoki', 'Lion''s Mane', 'Reishi'])[1 + g % 5] || ' ' || (ARRAY['mug', 'tee', 'poster', 'cap', 'sticker', 'hoodie'])[1 + g % 6] || ' #' || g,
       'bench-' || g, 1 + (g % 10000) / 100.0, g % 50, 5, 'ACTIVE', now() - g * interval '1 second', now()
FROM store, generate_series(1, ${PRODUCTS}) AS g`;

/**
 * The product list and search through the whole edge (HTTP -> gateway -> NATS -> catalog -> pg)
 * against the same SQL straight on a pg Pool, on 100,000 products. Both loads come from a separate process
 * (undici / pg Pool), warmed up until they stop rising; each row carries the CPU ms per request of every process
 * on the path. Target (issue 12): GET /products?limit=20 >= x0.4 of raw pg.
 */
export async function catalogBench(load: LoadOptions): Promise<string[]> {
  const rows: string[] = [`load average before: ${loadAverage()}`];
  const stack = await startStack(['catalog'], { LOG_LEVEL: 'warn' });
  const url = databaseUrlFor('catalog', stack.env);
  let loader: BenchChild | undefined;
  try {
    const db = await stack.db('catalog');
    await db.query(SEED_SQL);
    await db.query('ANALYZE products');
    loader = await forkChild(script('load-child'), [], stack.env);
    const pg: CpuProbe = {
      name: 'pg backends',
      pids: async () =>
        (await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rows.map((r) =>
          Number(r.pid),
        ),
    };
    const edge: CpuProbe[] = [
      { name: 'gateway', pids: () => [stack.gateway.child.pid!] },
      { name: 'catalog', pids: () => [stack.services.catalog.child.pid!] },
      { name: 'nats-server', pids: () => natsServerPids(stack.env.NATS_URL!) },
      pg,
    ];
    const origin = stack.base;
    const [rawList, list, rawSearch, search] = await measureLoads(
      loader,
      [
        {
          name: 'raw pg: list, newest 20',
          job: { kind: 'pg', connectionString: url, poolMax: POOL_MAX, sql: LIST_SQL, params: [21] },
          probes: [pg],
        },
        { name: 'GET /products?limit=20', job: { kind: 'http', origin, path: '/api/v1/products?limit=20' }, probes: edge },
        {
          name: `raw pg: ILIKE '%${SEARCH_WORD}%', newest 20`,
          job: { kind: 'pg', connectionString: url, poolMax: POOL_MAX, sql: SEARCH_SQL, params: [`%${SEARCH_WORD}%`, 21] },
          probes: [pg],
        },
        {
          name: `GET /products?search=${SEARCH_WORD}`,
          job: { kind: 'http', origin, path: `/api/v1/products?search=${SEARCH_WORD}` },
          probes: edge,
        },
      ],
      load,
    );
    rows.push(ratio(rawList, rawList).split(' | ')[0], cpuRow(rawList), ratio(list, rawList), cpuRow(list));
    rows.push(ratio(rawSearch, rawSearch).split(' | ')[0], cpuRow(rawSearch), ratio(search, rawSearch), cpuRow(search));
    const x = list.opsPerSecond / rawList.opsPerSecond;
    rows.push(
      `target: GET /products?limit=20 vs raw pg x${x.toFixed(2)} (>= x0.4: ${x >= 0.4 ? 'met' : 'NOT met'}), p99 ${list.p99Ms.toFixed(1)} ms at ${load.concurrency} in flight`,
    );
    rows.push(`load average after: ${loadAverage()}`);
    return rows;
  } finally {
    await loader?.stop();
    await stack.stop();
  }
}
