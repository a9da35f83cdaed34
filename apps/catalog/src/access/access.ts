import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit } from '@suite/platform';

/** Platform operators (the admins) work on every team's catalog. */
export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'CATALOG',
  staffRoles: ADMIN_ROLES,
});
