import { PermissionName, STAFF_ROLES } from '@suite/contracts/identity';
import { accessKit } from '@suite/platform';

/** Staff work on every customer's orders, payments and customer records; everyone else on their own. */
export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'ORDERS',
  staffRoles: STAFF_ROLES,
});
