import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, notFound } from '@suite/platform';
import { isStaff } from '../access/access';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * Who sees a fulfillment: staff all; otherwise the FULFILLER users of its factory, the seller team
 * owning the order's store, and the buyer of the order. Anything else is 404.
 */
export function readScope(caller: CallerIdentity): Prisma.FulfillmentWhereInput {
  if (isStaff(caller)) return {};
  const userId = caller.userId ?? NOBODY;
  return {
    OR: [
      { factory: { users: { some: { userId } } } },
      ...(caller.teamIds.length ? [{ teamId: { in: caller.teamIds } }] : []),
      { buyerUserId: userId },
    ],
  };
}

/** Who changes a fulfillment: staff, and its factory's FULFILLER users. */
export function writeScope(caller: CallerIdentity): Prisma.FulfillmentWhereInput {
  if (isStaff(caller)) return {};
  return { factory: { users: { some: { userId: caller.userId ?? NOBODY } } } };
}

export const fulfillmentNotFound = () =>
  notFound('FULFILLMENT.FULFILLMENT_NOT_FOUND', 'No such fulfillment.', {
    errors: [{ field: 'fulfillmentId', messages: ['fulfillment not found'] }],
  });
