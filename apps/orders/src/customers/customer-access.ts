import { Prisma } from '@suite/db/orders';
import { CallerIdentity, notFound } from '@suite/platform';
import { isStaff, requirePermission } from '../access';

/**
 * The rows the caller may see: every customer for staff; only their own for anyone else holding the
 * permission (a BUYER, or a custom role: staff is a role, never a pile of permissions).
 */
export function customerScope(
  caller: CallerIdentity,
  permission: 'customers:read' | 'customers:update' | 'customers:create',
): Prisma.CustomerWhereInput {
  requirePermission(caller, permission);
  return isStaff(caller) ? {} : { userId: caller.userId ?? '00000000-0000-0000-0000-000000000000' };
}

export const customerNotFound = () => notFound('ORDERS.CUSTOMER_NOT_FOUND', 'Customer not found.');
export const addressNotFound = () => notFound('ORDERS.ADDRESS_NOT_FOUND', 'Address not found.');
