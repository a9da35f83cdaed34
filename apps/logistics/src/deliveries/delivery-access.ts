import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit } from '@suite/platform';

/** Deliveries are staff-run: the deliveries:* permissions decide, and every permitted caller sees every delivery. */
export const { requirePermission: requireDeliveryPermission } = accessKit<PermissionName>({
  errorPrefix: 'LOGISTICS',
  staffRoles: ADMIN_ROLES,
});
