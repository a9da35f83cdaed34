import { CatalogEvents, ProductView } from '@suite/contracts/catalog';
import { Prisma } from '@suite/db/catalog';
import { CallerIdentity, enqueueEvent, notFound } from '@suite/platform';
import { isStaff } from '../access/access';
import { PRODUCT_COLUMNS } from './product-query';
import { ProductRow, toProductView } from './product-view';

type Tx = Prisma.TransactionClient;

export const productNotFound = () => notFound('CATALOG.PRODUCT_NOT_FOUND', 'No such product.');

export interface OwnedProduct {
  id: string;
  storeId: string;
  status: string;
}

/**
 * A live product of one of the caller's teams, locked until the transaction ends so concurrent
 * changes (and the events they announce) apply one after the other (SHARE: changes of its children
 * run side by side, the product itself cannot change meanwhile). Another team's product, a
 * deleted one and a missing one are the same 404.
 */
export async function lockOwnedProduct(
  tx: Tx,
  caller: CallerIdentity,
  productId: string,
  mode: 'UPDATE' | 'SHARE' = 'UPDATE',
): Promise<OwnedProduct> {
  const rows = await tx.$queryRawUnsafe<Array<OwnedProduct & { teamId: string }>>(
    `SELECT p.id::text AS id, p.store_id::text AS "storeId", p.status::text AS status, s.team_id::text AS "teamId"
       FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = $1::uuid AND NOT p.is_deleted FOR ${mode} OF p`,
    productId,
  );
  const row = rows[0];
  if (!row || !(isStaff(caller) || caller.teamIds.includes(row.teamId))) throw productNotFound();
  return row;
}

export async function readProduct(db: Pick<Tx, '$queryRawUnsafe'>, productId: string): Promise<ProductView | undefined> {
  const rows = await db.$queryRawUnsafe<ProductRow[]>(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1::uuid`, productId);
  return rows[0] ? toProductView(rows[0]) : undefined;
}

/** Category ids that do not exist: 404 naming them, before anything is written. */
export async function requireCategories(tx: Tx, categoryIds: string[] | undefined): Promise<void> {
  if (!categoryIds?.length) return;
  const unique = [...new Set(categoryIds)];
  const found = await tx.category.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((c) => c.id === id));
  if (missing.length)
    throw notFound('CATALOG.CATEGORY_NOT_FOUND', `No such categories: ${missing.join(', ')}.`, {
      missing,
      errors: [{ field: 'categoryIds', messages: [`unknown categories: ${missing.join(', ')}`] }],
    });
}

/** The payload every product event carries. */
export const productEvent = (p: ProductView) => ({ productId: p.id, storeId: p.storeId, sku: p.sku, status: p.status, price: p.price });

/** ProductUpdated, plus ProductDiscontinued on the transition and StockLow when stock is at or under its minimum. */
export async function announceUpdate(tx: Tx, before: OwnedProduct, after: ProductView, stockTouched: boolean): Promise<void> {
  await enqueueEvent(tx, CatalogEvents.ProductUpdated, productEvent(after));
  if (after.status === 'DISCONTINUED' && before.status !== 'DISCONTINUED')
    await enqueueEvent(tx, CatalogEvents.ProductDiscontinued, productEvent(after));
  if (stockTouched && after.stock <= after.minStock)
    await enqueueEvent(tx, CatalogEvents.StockLow, { ...productEvent(after), stock: after.stock, minStock: after.minStock });
}
