import { ProductListQuery, ProductSort } from '@suite/contracts/catalog';
import { decodeCursor, encodeCursor, invalid } from '@suite/platform';
import { escapeLike } from './product-rules';

/** Who may see which rows: operators everything, members their teams' products in any status, everyone ACTIVE ones. */
export type Visibility = { all: true } | { teamIds: string[] };

/** Column list of a product view row; money as text so no float ever carries it. */
export const PRODUCT_COLUMNS = `p.id::text AS id, p.store_id::text AS store_id, p.sku, p.name, p.slug, p.description,
  p.price::text AS price, p.base_price::text AS base_price, p.compare_price::text AS compare_price, p.cost_price::text AS cost_price,
  p.stock, p.min_stock, p.max_cart_qty, p.weight, p.dimensions, p.images, p.tags, p.attributes, p.status::text AS status,
  p.is_featured, p.seo_title, p.seo_description, p.rating_average::text AS rating_average, p.rating_count, p.is_deleted,
  p.created_at, p.updated_at, ARRAY(SELECT pc.category_id::text FROM product_categories pc WHERE pc.product_id = p.id) AS category_ids`;

/** Sort key column, direction and the cursor value's SQL type, per sort; id breaks ties in the same direction. */
const SORTS: Record<ProductSort, { column: string; dir: 'ASC' | 'DESC'; type: string }> = {
  newest: { column: 'p.created_at', dir: 'DESC', type: 'timestamptz' },
  price_asc: { column: 'p.price', dir: 'ASC', type: 'numeric' },
  price_desc: { column: 'p.price', dir: 'DESC', type: 'numeric' },
  name: { column: 'p.name', dir: 'ASC', type: 'text' },
};

export interface KeyedRow {
  id: string;
  created_at: Date;
  price: string;
  name: string;
}

export function cursorOf(sort: ProductSort, row: KeyedRow): string {
  const key = sort === 'newest' ? row.created_at.toISOString() : sort === 'name' ? row.name : row.price;
  return encodeCursor({ s: sort, k: key, i: row.id });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor of another sort (or an edited one) would skip or repeat rows: 400 like an unreadable one. */
export function readCursor(sort: ProductSort, cursor: string | undefined): { key: string; id: string } | undefined {
  const value = decodeCursor<Record<string, string>>(cursor);
  if (!value) return undefined;
  const key = value.k;
  const valid =
    value.s === sort &&
    typeof key === 'string' &&
    typeof value.i === 'string' &&
    UUID.test(value.i) &&
    (sort !== 'newest' || !Number.isNaN(Date.parse(key)));
  if (!valid)
    throw invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page of this sort.', {
      errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page of this sort'] }],
    });
  return { key, id: value.i };
}

/**
 * The one SQL statement of `GET /products` (the benchmark runs the same text): filters, visibility,
 * keyset position and `limit + 1` rows so the page knows whether another follows.
 */
export function productListSql(query: ProductListQuery, visibility: Visibility, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown, cast = '') => `$${params.push(value)}${cast}`;
  const where = filtersOf(query, visibility, p);
  const sort = query.sort ?? 'newest';
  const { column, dir, type } = SORTS[sort];
  const after = readCursor(sort, query.cursor);
  if (after) where.push(`(${column}, p.id) ${dir === 'ASC' ? '>' : '<'} (${p(after.key, `::${type}`)}, ${p(after.id, '::uuid')})`);
  const sql = `SELECT ${PRODUCT_COLUMNS} FROM products p${joinOf(visibility)} WHERE ${where.join(' AND ')} ORDER BY ${column} ${dir}, p.id ${dir} LIMIT ${p(limit + 1, '::int')}`;
  return { sql, params };
}

/**
 * How many products the same filters match (a search's resultsCount, beyond the page), counted up to
 * `cap`: a common word would otherwise cost a scan of the whole catalog per search.
 */
export function productCountSql(query: ProductListQuery, visibility: Visibility, cap: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown, cast = '') => `$${params.push(value)}${cast}`;
  const where = filtersOf(query, visibility, p);
  const matches = `SELECT 1 FROM products p${joinOf(visibility)} WHERE ${where.join(' AND ')} LIMIT ${p(cap, '::int')}`;
  return { sql: `SELECT count(*)::int AS count FROM (${matches}) AS m`, params };
}

/** The store is joined only to see a team's own non-active products; an anonymous or team-less caller needs no join. */
const joinOf = (visibility: Visibility) => ('all' in visibility || !visibility.teamIds.length ? '' : ' JOIN stores s ON s.id = p.store_id');

function filtersOf(query: ProductListQuery, visibility: Visibility, p: (value: unknown, cast?: string) => string): string[] {
  const where = ['NOT p.is_deleted'];
  if (!('all' in visibility)) {
    where.push(
      visibility.teamIds.length ? `(p.status = 'ACTIVE' OR s.team_id = ANY(${p(visibility.teamIds, '::uuid[]')}))` : `p.status = 'ACTIVE'`,
    );
  }
  if (query.search) where.push(`p.name ILIKE ${p(`%${escapeLike(query.search)}%`)}`);
  if (query.storeId) where.push(`p.store_id = ${p(query.storeId, '::uuid')}`);
  if (query.status) where.push(`p.status = ${p(query.status, '::"ProductStatus"')}`);
  if (query.categoryId)
    where.push(
      `EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_id = p.id AND pc.category_id = ${p(query.categoryId, '::uuid')})`,
    );
  if (query.featured !== undefined) where.push(`p.is_featured = ${p(query.featured)}`);
  if (query.minPrice !== undefined) where.push(`p.price >= ${p(String(query.minPrice), '::numeric')}`);
  if (query.maxPrice !== undefined) where.push(`p.price <= ${p(String(query.maxPrice), '::numeric')}`);
  if (query.lowStock !== undefined) where.push(query.lowStock ? 'p.stock <= p.min_stock' : 'p.stock > p.min_stock');
  return where;
}
