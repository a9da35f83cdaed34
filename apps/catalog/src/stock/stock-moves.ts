import { Prisma } from '@suite/db/catalog';

export interface StockLine {
  productId: string;
  variantId: string | null;
  quantity: number;
}

/**
 * Merges repeated lines (the reservation is unique per order, product and variant) and sorts them,
 * so concurrent multi-item reservations lock product rows in one order and cannot deadlock.
 */
export function normaliseLines(items: { productId: string; variantId?: string | null; quantity: number }[]): StockLine[] {
  const byKey = new Map<string, StockLine>();
  for (const item of items) {
    const key = `${item.productId}/${item.variantId ?? ''}`;
    const line = byKey.get(key);
    if (line) line.quantity += item.quantity;
    else byKey.set(key, { productId: item.productId, variantId: item.variantId ?? null, quantity: item.quantity });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
}

/**
 * Takes units with ONE conditional UPDATE (never read-then-write): no row comes back when the
 * stock is short, the product is deleted or the variant is not the product's. The product row
 * returns stock and minStock so the caller can announce low stock.
 */
export async function takeStock(tx: Prisma.TransactionClient, line: StockLine): Promise<{ stock: number; minStock: number | null } | null> {
  if (line.variantId) {
    const rows = await tx.$queryRaw<{ stock: number }[]>`
      UPDATE system_variants v SET stock = v.stock - ${line.quantity}, updated_at = now()
      FROM products p
      WHERE v.id = ${line.variantId}::uuid AND v.product_id = ${line.productId}::uuid AND p.id = v.product_id
        AND v.stock >= ${line.quantity} AND NOT p.is_deleted
      RETURNING v.stock`;
    return rows[0] ? { stock: rows[0].stock, minStock: null } : null;
  }
  const rows = await tx.$queryRaw<{ stock: number; min_stock: number }[]>`
    UPDATE products SET stock = stock - ${line.quantity}, updated_at = now()
    WHERE id = ${line.productId}::uuid AND stock >= ${line.quantity} AND NOT is_deleted
    RETURNING stock, min_stock`;
  return rows[0] ? { stock: rows[0].stock, minStock: rows[0].min_stock } : null;
}

/** Puts units back (release, cancellation, expiry): unconditional, the reservation row was claimed first. */
export async function returnStock(tx: Prisma.TransactionClient, line: StockLine): Promise<void> {
  if (line.variantId) {
    await tx.$executeRaw`UPDATE system_variants SET stock = stock + ${line.quantity}, updated_at = now() WHERE id = ${line.variantId}::uuid`;
  } else {
    await tx.$executeRaw`UPDATE products SET stock = stock + ${line.quantity}, updated_at = now() WHERE id = ${line.productId}::uuid`;
  }
}

/** Returns the stock of claimed rows in a stable order (same deadlock argument as normaliseLines). */
export async function returnAll(tx: Prisma.TransactionClient, rows: StockLine[]): Promise<void> {
  for (const line of normaliseLines(rows)) await returnStock(tx, line);
}

/**
 * Claims the order's RESERVED and CONFIRMED (cancelled after confirmation) rows as RELEASED and
 * returns their units; EXPIRED rows gave theirs back already. Returns how many rows it released.
 */
export async function releaseOrderRows(tx: Prisma.TransactionClient, orderId: string): Promise<number> {
  const claimed = await tx.$queryRaw<StockLine[]>`
    UPDATE stock_reservations SET status = 'RELEASED', updated_at = now()
    WHERE order_id = ${orderId}::uuid AND status IN ('RESERVED', 'CONFIRMED')
    RETURNING product_id::text AS "productId", variant_id::text AS "variantId", quantity`;
  await returnAll(tx, claimed);
  return claimed.length;
}
