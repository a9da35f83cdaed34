import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit } from '@suite/platform';

export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'ALERTING',
  staffRoles: ADMIN_ROLES,
});
