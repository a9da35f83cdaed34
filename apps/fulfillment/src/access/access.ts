import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit } from '@suite/platform';

/** Platform operators (the admins) manage every factory; FULFILLER users only the factories they are linked to. */
export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'FULFILLMENT',
  staffRoles: ADMIN_ROLES,
});
