import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit, CallerIdentity, hasPermission } from '@suite/platform';

/** hasAdminRole is by role, not permissions: a custom role holding many permissions is not an admin. */
export const {
  requireSignedIn,
  requirePermission,
  isStaff: hasAdminRole,
} = accessKit<PermissionName>({ errorPrefix: 'IDENTITY', staffRoles: ADMIN_ROLES });

export const isSuperAdmin = (caller: CallerIdentity): boolean => caller.roles.includes('SUPER_ADMIN');

/** Permissions a caller may hand out: only their own, so nobody can grant themselves more through a role. */
export function permissionsBeyond(caller: CallerIdentity, granted: Iterable<string>): string[] {
  return [...new Set(granted)].filter((p) => !hasPermission(caller, p)).sort();
}
