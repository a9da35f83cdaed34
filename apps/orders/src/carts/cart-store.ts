import { ProductQuoteLine } from '@suite/contracts/catalog';
import { Prisma } from '@suite/db/orders';
import { conflict } from '@suite/platform';
import { cartNotFound, CartOwner, ownerWhere } from './cart-owner';
import { cartTotals, lineSubtotal } from './cart-totals';
import { CartWithItems, withItems } from './cart-view';

type Tx = Prisma.TransactionClient;

/**
 * Locks the caller's cart row for the rest of the transaction, so concurrent changes to one cart
 * apply one after the other (lines and totals never interleave). Someone else's cart is 404.
 */
export async function lockOwnCart(tx: Tx, cartId: string, owner: CartOwner): Promise<void> {
  await tx.$queryRaw`SELECT id FROM carts WHERE id = ${cartId}::uuid FOR UPDATE`;
  const cart = await tx.cart.findFirst({ where: { id: cartId, ...ownerWhere(owner) }, select: { status: true } });
  if (!cart) throw cartNotFound();
  if (cart.status !== 'ACTIVE')
    throw conflict('ORDERS.CART_NOT_ACTIVE', `The cart is ${cart.status}; open a new one.`, { status: cart.status });
}

/**
 * The snapshot a line keeps of what the product cost and was called when it was added, and what
 * fulfilment routes on (the variant's code, the product's design), kept only when catalog has them.
 */
export function lineSnapshot(quote: ProductQuoteLine, quantity: number) {
  const subtotal = lineSubtotal({ price: quote.price, quantity });
  return {
    price: quote.price,
    originalPrice: quote.price,
    productSnapshot: {
      name: quote.name,
      sku: quote.sku,
      ...(quote.variantCode ? { variantCode: quote.variantCode } : {}),
      ...(quote.designId ? { designId: quote.designId } : {}),
    },
    quantity,
    subtotal,
    total: subtotal,
  };
}

/** New quantity of an existing line at its snapshot price. */
export function lineQuantity(price: Prisma.Decimal, quantity: number) {
  const subtotal = lineSubtotal({ price, quantity });
  return { quantity, subtotal, total: subtotal };
}

/** Recomputes the cart's money from its lines and marks the activity, in the caller's transaction. */
export async function recompute(tx: Tx, cartId: string, taxRate: string): Promise<CartWithItems> {
  const items = await tx.cartItem.findMany({ where: { cartId }, select: { price: true, quantity: true } });
  const totals = cartTotals(items, taxRate);
  return tx.cart.update({ where: { id: cartId }, data: { ...totals, lastActivityAt: new Date() }, include: withItems });
}
