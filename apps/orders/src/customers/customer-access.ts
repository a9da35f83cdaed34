import { Prisma } from '@suite/db/orders';
import { CallerIdentity, forbidden, hasPermission, notFound } from '@suite/platform';

/** Shop roles hold customers:read/update (BUYER) for their own record only; any other role is staff. */
const SHOP_ROLES = ['BUYER', 'USER'];

/**
 * Checked again here although the gateway checks the route: any service on the bus could send the
 * request. Returns the rows the caller may see: every customer for staff, only their own otherwise.
 */
export function customerScope(caller: CallerIdentity, permission: 'customers:read' | 'customers:update' | 'customers:create'): Prisma.CustomerWhereInput {
  if (!hasPermission(caller, permission)) throw forbidden('AUTH.PERMISSION_DENIED', `Missing permission: ${permission}.`, { missing: [permission] });
  const staff = caller.roles.some((r) => !SHOP_ROLES.includes(r));
  return staff ? {} : { userId: caller.userId ?? '00000000-0000-0000-0000-000000000000' };
}

export const customerNotFound = () => notFound('ORDERS.CUSTOMER_NOT_FOUND', 'Customer not found.');
export const addressNotFound = () => notFound('ORDERS.ADDRESS_NOT_FOUND', 'Address not found.');
