import { Prisma } from '@suite/db/orders';
import { CallerIdentity, invalid, notFound } from '@suite/platform';

/** Who a cart belongs to: the signed-in user, or else the guest's X-Session-Id. */
export type CartOwner = { userId: string; sessionId?: undefined } | { userId?: undefined; sessionId: string };

export function cartOwner(caller: CallerIdentity, sessionId: string | undefined): CartOwner {
  if (caller.userId) return { userId: caller.userId };
  if (sessionId) return { sessionId };
  throw invalid('ORDERS.SESSION_REQUIRED', 'Sign in or send an X-Session-Id header.', {
    errors: [{ field: 'sessionId', messages: ['X-Session-Id is required for guests'] }],
  });
}

/** The rows a caller may touch: a guest never sees a user's cart, even one made from its session. */
export const ownerWhere = (owner: CartOwner): Prisma.CartWhereInput =>
  owner.userId ? { userId: owner.userId } : { userId: null, sessionId: owner.sessionId };

/** Lock key of "the ACTIVE cart of this owner", so concurrent opens create one cart. */
export const ownerLockKey = (owner: CartOwner): string => (owner.userId ? `cart:user:${owner.userId}` : `cart:session:${owner.sessionId}`);

export const cartNotFound = () => notFound('ORDERS.CART_NOT_FOUND', 'Cart not found.');
export const itemNotFound = () => notFound('ORDERS.CART_ITEM_NOT_FOUND', 'Cart item not found.');
