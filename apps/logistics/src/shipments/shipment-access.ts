import { PermissionName, STAFF_ROLES } from '@suite/contracts/identity';
import { Prisma } from '@suite/db/logistics';
import { accessKit, CallerIdentity, notFound } from '@suite/platform';

/**
 * Staff of logistics: the platform's staff (admins, finance, support) and the FULFILLER users who pack
 * and hand parcels to carriers. They see and handle every shipment; buyers and seller teams only read
 * their own orders' shipments.
 */
export const { requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'LOGISTICS',
  staffRoles: [...STAFF_ROLES, 'FULFILLER'],
});

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Who sees a shipment: staff all; the buyer of its order; the seller team owning the order's store. */
export function shipmentReadScope(caller: CallerIdentity): Prisma.ShipmentWhereInput {
  if (isStaff(caller)) return {};
  return {
    OR: [{ userId: caller.userId ?? NOBODY }, ...(caller.teamIds.length ? [{ teamId: { in: caller.teamIds } }] : [])],
  };
}

/** Changes are staff work; anyone else (even holding the permission through a custom role) finds nothing. */
export function shipmentWriteScope(caller: CallerIdentity): Prisma.ShipmentWhereInput {
  return isStaff(caller) ? {} : { id: NOBODY };
}

export const shipmentNotFound = () =>
  notFound('LOGISTICS.SHIPMENT_NOT_FOUND', 'No such shipment.', { errors: [{ field: 'shipmentId', messages: ['shipment not found'] }] });
