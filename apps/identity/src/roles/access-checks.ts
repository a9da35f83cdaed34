import { forbidden, CallerIdentity, hasPermission } from '@suite/platform';

/** Roles whose holders run the platform. Some rules look at roles, not permissions: a custom role with many permissions is not an admin. */
export const ADMIN_ROLES = ['SUPER_ADMIN', 'ADMIN'] as const;

export const isSuperAdmin = (caller: CallerIdentity): boolean => caller.roles.includes('SUPER_ADMIN');
export const hasAdminRole = (caller: CallerIdentity): boolean => caller.roles.some((r) => (ADMIN_ROLES as readonly string[]).includes(r));

/**
 * The gateway already checks the route's permissions; identity checks again because any service
 * on the bus could send the request, and a missing check here would be silent.
 */
export function requirePermissions(caller: CallerIdentity, ...needed: string[]): void {
  const missing = needed.filter((p) => !hasPermission(caller, p));
  if (missing.length > 0) throw forbidden('AUTH.PERMISSION_DENIED', `Missing permission: ${missing.join(', ')}.`, { missing });
}

/** Permissions a caller may hand out: only their own, so nobody can grant themselves more through a role. */
export function permissionsBeyond(caller: CallerIdentity, granted: Iterable<string>): string[] {
  return [...new Set(granted)].filter((p) => !hasPermission(caller, p)).sort();
}
