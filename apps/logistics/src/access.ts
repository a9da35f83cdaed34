import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit } from '@suite/platform';

/** Staff who handle every customer's returns and tickets: the admins and SUPPORT. */
export const SUPPORT_STAFF = [...ADMIN_ROLES, 'SUPPORT'] as const;

export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'LOGISTICS',
  staffRoles: SUPPORT_STAFF,
});
