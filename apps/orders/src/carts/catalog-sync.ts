import { Prisma } from '@suite/db/orders';
import { lineSubtotal } from './cart-totals';

/** What a catalog product event says about a product, as far as cart lines care. */
export interface ProductState {
  status: string;
  sku: string | null;
  /** null when the product has no price of its own (nothing to reprice from). */
  price: string | null;
  /** Soft deleted in catalog: gone whatever its status says. */
  deleted: boolean;
}

/** The fields of a cart line a product event may change. */
export interface SyncedLine {
  variantId: string | null;
  quantity: number;
  price: Prisma.Decimal;
  isAvailable: boolean;
  unavailableReason: string | null;
  productSnapshot: Prisma.JsonValue;
}

const NOTICES: Record<string, string> = {
  DISCONTINUED: 'This product has been discontinued. Remove it from your cart to check out.',
  OUT_OF_STOCK: 'This product is out of stock for now. Remove it from your cart to check out.',
};
const NOT_ON_SALE = 'This product is no longer on sale. Remove it from your cart to check out.';
const REMOVED = 'This product was removed from the shop. Remove it from your cart to check out.';

/** The note a buyer sees on a line of the product; null when it can be ordered. */
export function productNotice(product: Pick<ProductState, 'status' | 'deleted'>): string | null {
  if (product.deleted) return REMOVED;
  return product.status === 'ACTIVE' ? null : (NOTICES[product.status] ?? NOT_ON_SALE);
}

/**
 * The update that brings one line in line with the product, or null when nothing differs. A line
 * with a system variant keeps its price: the variant may be priced on its own, and the event only
 * carries the product's price. The cart's totals follow when `repriced`.
 */
export function lineSync(line: SyncedLine, product: ProductState): { data: Prisma.CartItemUpdateInput; repriced: boolean } | null {
  const data: Prisma.CartItemUpdateInput = {};
  const notice = productNotice(product);
  if (line.isAvailable !== (notice === null) || line.unavailableReason !== notice)
    Object.assign(data, { isAvailable: notice === null, unavailableReason: notice });

  const snapshot = (line.productSnapshot ?? {}) as Prisma.JsonObject;
  if (product.sku !== null && snapshot.sku !== product.sku) data.productSnapshot = { ...snapshot, sku: product.sku };

  const repriced = line.variantId === null && product.price !== null && !line.price.equals(product.price);
  if (repriced) {
    const subtotal = lineSubtotal({ price: product.price as string, quantity: line.quantity });
    Object.assign(data, { price: product.price, originalPrice: product.price, subtotal, total: subtotal });
  }
  return Object.keys(data).length > 0 ? { data, repriced } : null;
}
