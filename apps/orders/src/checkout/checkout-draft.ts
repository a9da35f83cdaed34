import { CheckoutDto } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { conflict, forbidden, invalid } from '@suite/platform';
import { cartNotFound, CartOwner, ownerWhere } from '../carts/cart-owner';
import { addressNotFound } from '../customers/customer-access';
import { NewOrder } from '../orders/order-factory';
import { CheckoutParty, inlineSnapshot } from './checkout-party';

type Tx = Prisma.TransactionClient;

/** The address as the order keeps it: a copy, so later edits of the address book do not change the order. */
const snapshot = (a: Prisma.AddressModel) => ({
  firstName: a.firstName,
  lastName: a.lastName,
  company: a.company,
  street1: a.street1,
  street2: a.street2,
  city: a.city,
  state: a.state,
  postalCode: a.postalCode,
  country: a.country,
  phoneNumber: a.phoneNumber,
});

/**
 * Refusals that need no lock (a blocked customer, an address that is not the caller's) and the
 * addresses the order keeps. A guest has no customer row: their order carries their email instead.
 */
export async function resolveAddresses(db: OrdersDb, party: CheckoutParty, dto: CheckoutDto) {
  const inline = dto.shippingAddress ? inlineSnapshot(dto.shippingAddress) : undefined;
  if (party.kind === 'guest') return { customerId: null, shipping: inline!, billing: inline! };
  const userId = party.userId;
  const customer = await db.customer.findUnique({ where: { userId }, select: { id: true, status: true } });
  if (customer?.status === 'BLOCKED') throw forbidden('ORDERS.CUSTOMER_BLOCKED', 'This customer account is blocked from placing orders.');
  const ids = [dto.shippingAddressId, dto.billingAddressId].filter((id): id is string => id !== undefined);
  const rows = ids.length > 0 ? await db.address.findMany({ where: { id: { in: ids }, userId } }) : [];
  const find = (id: string) =>
    rows.find((r) => r.id === id) ??
    (() => {
      throw addressNotFound();
    })();
  const shipping = inline ?? snapshot(find(dto.shippingAddressId!));
  return { customerId: customer?.id ?? null, shipping, billing: dto.billingAddressId ? snapshot(find(dto.billingAddressId)) : shipping };
}

/**
 * Locks the caller's cart and reads its lines, in the transaction that creates the order: a
 * concurrent change of the cart waits, and a second checkout of the same cart is refused.
 */
export async function lockCartForCheckout(tx: Tx, owner: CartOwner, cartId: string) {
  await tx.$queryRaw`SELECT id FROM carts WHERE id = ${cartId}::uuid FOR UPDATE`;
  const cart = await tx.cart.findFirst({
    where: { id: cartId, ...ownerWhere(owner) },
    include: { items: { orderBy: { createdAt: 'asc' } } },
  });
  if (!cart) throw cartNotFound();
  if (cart.status !== 'ACTIVE')
    throw conflict('ORDERS.CART_NOT_ACTIVE', `The cart is ${cart.status}; open a new one.`, { status: cart.status });
  if (cart.items.length === 0)
    throw invalid('ORDERS.CART_EMPTY', 'The cart has no items.', { errors: [{ field: 'cartId', messages: ['the cart is empty'] }] });
  const unavailable = cart.items.filter((i) => !i.isAvailable);
  if (unavailable.length > 0) {
    const items = unavailable.map((i) => ({ itemId: i.id, productId: i.productId, notice: i.unavailableReason }));
    throw conflict('ORDERS.CART_ITEM_UNAVAILABLE', 'Some products in the cart can no longer be ordered; remove them to check out.', {
      productIds: items.map((i) => i.productId),
      items,
    });
  }
  const running = await tx.order.count({
    where: { placedAt: null, status: { not: 'CANCELLED' }, metadata: { path: ['cartId'], equals: cartId } },
  });
  if (running > 0) throw conflict('ORDERS.CHECKOUT_IN_PROGRESS', 'This cart is being checked out already.');
  return cart;
}

type CartWithLines = Awaited<ReturnType<typeof lockCartForCheckout>>;

/** The unplaced order of a cart: PENDING, placedAt NULL, no stock held yet. */
export function draftOrder(
  cart: CartWithLines,
  party: CheckoutParty,
  dto: CheckoutDto,
  customer: Awaited<ReturnType<typeof resolveAddresses>>,
): NewOrder {
  const userId = party.kind === 'user' ? party.userId : null;
  return {
    userId,
    customerId: customer.customerId,
    guestEmail: party.kind === 'guest' ? party.email : null,
    channel: 'WEB',
    status: 'PENDING',
    paymentStatus: 'PENDING',
    paymentMethod: dto.paymentMethod,
    currency: cart.currency,
    items: cart.items.map((i) => {
      const snap = (i.productSnapshot ?? {}) as { name?: string; sku?: string | null; variantCode?: string; designId?: string };
      return {
        productId: i.productId,
        systemVariantId: i.variantId,
        systemVariantCode: i.variantId ? (snap.variantCode ?? null) : null,
        designId: snap.designId ?? null,
        sku: snap.sku ?? null,
        name: snap.name ?? i.productId,
        quantity: i.quantity,
        price: i.price,
        productSnapshot: { ...snap, variantId: i.variantId },
      };
    }),
    tax: cart.tax,
    shipping: cart.shipping,
    discount: cart.discount,
    shippingAddress: customer.shipping,
    billingAddress: customer.billing,
    notes: dto.notes ?? null,
    metadata: { cartId: cart.id },
    placedAt: null,
    stockReserved: false,
    actorId: userId,
    reason: 'checkout',
  };
}

/** What catalog reserves: each line, with its system variant when it has one. */
export const reserveItems = (cart: CartWithLines) =>
  cart.items.map((i) => ({ productId: i.productId, ...(i.variantId ? { variantId: i.variantId } : {}), quantity: i.quantity }));
