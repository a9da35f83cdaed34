import { SYSTEM_ROLES } from '@suite/contracts/identity';
import { AppError, CallerIdentity, forbidden, invalid } from '@suite/platform';
import { isSuperAdmin, permissionsBeyond } from '../roles/access-checks';

export interface RoleChange {
  added: string[];
  removed: string[];
}

export function roleChange(before: string[], after: string[]): RoleChange {
  return { added: after.filter((r) => !before.includes(r)).sort(), removed: before.filter((r) => !after.includes(r)).sort() };
}

/** Requested names that are not roles, each named, as a 400 on the `roles` field. */
export function unknownRoles(requested: string[], known: string[]): AppError | undefined {
  const unknown = requested.filter((r) => !known.includes(r));
  if (unknown.length === 0) return undefined;
  return invalid('IDENTITY.UNKNOWN_ROLE', `Unknown role: ${unknown.join(', ')}.`, {
    errors: [{ field: 'roles', messages: unknown.map((r) => `unknown role: ${r}`) }],
  });
}

/**
 * Why the caller may not make this change, if they may not: only a SUPER_ADMIN grants or removes
 * SUPER_ADMIN, and nobody grants a role carrying permissions they do not hold themselves (or an
 * ADMIN could give themselves roles:delete through a custom role).
 */
export function grantRefusal(caller: CallerIdentity, change: RoleChange, addedPermissions: string[]): AppError | undefined {
  if ([...change.added, ...change.removed].includes('SUPER_ADMIN') && !isSuperAdmin(caller)) {
    return forbidden('IDENTITY.SUPER_ADMIN_REQUIRED', 'Only a SUPER_ADMIN can grant or remove the SUPER_ADMIN role.');
  }
  const beyond = permissionsBeyond(caller, addedPermissions);
  if (beyond.length > 0)
    return forbidden('IDENTITY.PERMISSION_ESCALATION', `These roles carry permissions you do not have: ${beyond.join(', ')}.`, {
      permissions: beyond,
    });
  return undefined;
}

/** User.role mirrors the most powerful system role held (for views and filters), USER when none. */
export function primaryRoleOf(roles: string[]): (typeof SYSTEM_ROLES)[number] {
  return SYSTEM_ROLES.find((r) => roles.includes(r)) ?? 'USER';
}
