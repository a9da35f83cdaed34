import { Pool } from 'pg';
import { databaseUrlFor } from '@suite/platform';
import { startStack } from '@suite/platform/testing';
import { LoadOptions, measure, ratio } from './lib/measure';

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
 * against the same SQL straight on a pg Pool, on 100,000 products.
 */
export async function catalogBench(load: LoadOptions): Promise<string[]> {
  const stack = await startStack(['catalog'], { LOG_LEVEL: 'warn' });
  const pool = new Pool({ connectionString: databaseUrlFor('catalog', stack.env), max: 10 });
  try {
    const db = await stack.db('catalog');
    await db.query(SEED_SQL);
    await db.query('ANALYZE products');
    const get = (url: string) => async () => {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    };
    const rows: string[] = [];
    const rawList = await measure('raw pg: list, newest 20', () => pool.query(LIST_SQL, [21]), load);
    const list = await measure('GET /products?limit=20', get(`${stack.base}/api/v1/products?limit=20`), load);
    rows.push(ratio(list, rawList));
    const rawSearch = await measure(`raw pg: ILIKE '%${SEARCH_WORD}%', newest 20`, () => pool.query(SEARCH_SQL, [`%${SEARCH_WORD}%`, 21]), load);
    const search = await measure(`GET /products?search=${SEARCH_WORD}`, get(`${stack.base}/api/v1/products?search=${SEARCH_WORD}`), load);
    rows.push(ratio(search, rawSearch));
    return rows;
  } finally {
    await pool.end();
    await stack.stop();
  }
}
