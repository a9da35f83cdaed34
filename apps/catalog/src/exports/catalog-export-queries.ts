import { ExportFilters } from '@suite/contracts/core';
import { ExportQuery, isoTime, sqlParams } from '@suite/platform';
import { escapeLike } from '../products/product-rules';

/** Whose rows: admins every team's, anyone else their own teams' stores' only (never another team's, even ACTIVE ones). */
export type ExportScope = { all: true } | { teamIds: string[] };

const teamCondition = (scope: ExportScope, p: ReturnType<typeof sqlParams>) =>
  'all' in scope ? [] : [scope.teamIds.length ? `s.team_id = ANY(${p(scope.teamIds, '::uuid[]')})` : 'false'];

const dateRange = (column: string, f: ExportFilters, p: ReturnType<typeof sqlParams>) => [
  ...(f.from ? [`${column} >= ${p(f.from, '::timestamptz')}`] : []),
  ...(f.to ? [`${column} < ${p(f.to, '::timestamptz')}`] : []),
];

/** Products with their money as stored (numeric text), category ids and tags joined by `|`. */
export function productExport(f: ExportFilters, scope: ExportScope): ExportQuery {
  const params: unknown[] = [];
  const p = sqlParams(params);
  const where = [
    'NOT p.is_deleted',
    ...teamCondition(scope, p),
    ...(f.status ? [`p.status = ${p(f.status, '::"ProductStatus"')}`] : []),
    ...(f.storeId ? [`p.store_id = ${p(f.storeId, '::uuid')}`] : []),
    ...(f.categoryId
      ? [`EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_id = p.id AND pc.category_id = ${p(f.categoryId, '::uuid')})`]
      : []),
    ...(f.search ? [`p.name ILIKE ${p(`%${escapeLike(f.search)}%`)}`] : []),
    ...dateRange('p.created_at', f, p),
  ];
  return {
    columns: {
      id: 'p.id',
      sku: 'p.sku',
      name: 'p.name',
      slug: 'p.slug',
      description: 'p.description',
      price: 'p.price',
      basePrice: 'p.base_price',
      comparePrice: 'p.compare_price',
      costPrice: 'p.cost_price',
      stock: 'p.stock',
      minStock: 'p.min_stock',
      status: 'p.status',
      isFeatured: 'p.is_featured',
      storeId: 'p.store_id',
      categoryIds: `nullif(array_to_string(ARRAY(SELECT pc.category_id::text FROM product_categories pc WHERE pc.product_id = p.id ORDER BY 1), '|'), '')`,
      tags: `nullif(array_to_string(p.tags, '|'), '')`,
      createdAt: isoTime('p.created_at'),
      updatedAt: isoTime('p.updated_at'),
    },
    from: 'products p JOIN stores s ON s.id = p.store_id',
    where,
    params,
    key: 'p.id',
  };
}

/** Categories are the platform's (every seller files products under them): the same rows for everyone. */
export function categoryExport(f: ExportFilters): ExportQuery {
  const params: unknown[] = [];
  const p = sqlParams(params);
  const where = [
    ...(f.status ? [`c.is_active = ${p(f.status === 'ACTIVE')}`] : []),
    ...(f.search ? [`c.name ILIKE ${p(`%${escapeLike(f.search)}%`)}`] : []),
  ];
  return {
    columns: {
      id: 'c.id',
      name: 'c.name',
      slug: 'c.slug',
      description: 'c.description',
      parentId: 'c.parent_id',
      imageUrl: 'c.image_url',
      isActive: 'c.is_active',
      sortOrder: 'c.sort_order',
      createdAt: isoTime('c.created_at'),
      updatedAt: isoTime('c.updated_at'),
    },
    from: 'categories c',
    where,
    params,
    key: 'c.id',
  };
}

/** Stock per system variant of the caller's (or, for admins, every) live product. */
export function inventoryExport(f: ExportFilters, scope: ExportScope): ExportQuery {
  const params: unknown[] = [];
  const p = sqlParams(params);
  const where = [
    'NOT p.is_deleted',
    ...teamCondition(scope, p),
    ...(f.storeId ? [`p.store_id = ${p(f.storeId, '::uuid')}`] : []),
    ...(f.status ? [`v.is_active = ${p(f.status === 'ACTIVE')}`] : []),
  ];
  return {
    columns: {
      variantId: 'v.id',
      code: 'v.code',
      productId: 'p.id',
      productSku: 'p.sku',
      productName: 'p.name',
      storeId: 'p.store_id',
      size: 'v.size',
      color: 'v.color',
      material: 'v.material',
      style: 'v.style',
      price: 'v.price',
      costPrice: 'v.cost_price',
      stock: 'v.stock',
      isActive: 'v.is_active',
      updatedAt: isoTime('v.updated_at'),
    },
    from: 'system_variants v JOIN products p ON p.id = v.product_id JOIN stores s ON s.id = p.store_id',
    where,
    params,
    key: 'v.id',
  };
}
