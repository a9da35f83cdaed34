import { CartView } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/orders';

export type CartWithItems = Prisma.CartGetPayload<{ include: { items: true } }>;

export const withItems = { items: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] } };

const money = (d: Prisma.Decimal): string => d.toFixed(2);

export function toCartView(cart: CartWithItems): CartView {
  return {
    id: cart.id,
    status: cart.status,
    currency: cart.currency,
    items: cart.items.map((i) => ({
      id: i.id,
      productId: i.productId,
      variantId: i.variantId,
      quantity: i.quantity,
      price: money(i.price),
      originalPrice: money(i.originalPrice),
      subtotal: money(i.subtotal),
      discount: money(i.discount),
      total: money(i.total),
      productSnapshot: i.productSnapshot,
      isAvailable: i.isAvailable,
      notice: i.unavailableReason,
    })),
    subtotal: money(cart.subtotal),
    tax: money(cart.tax),
    shipping: money(cart.shipping),
    discount: money(cart.discount),
    total: money(cart.total),
    mergedIntoId: cart.mergedIntoId,
    lastActivityAt: cart.lastActivityAt.toISOString(),
    createdAt: cart.createdAt.toISOString(),
  };
}
