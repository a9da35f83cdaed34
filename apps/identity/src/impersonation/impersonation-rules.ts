import { AppError, CallerIdentity, conflict, forbidden, invalid } from '@suite/platform';
import { hasAdminRole, isSuperAdmin } from '../roles/access-checks';

/** An impersonation session ends by itself after this long, whatever the refresh token lifetime. */
export const IMPERSONATION_TTL_MS = 60 * 60 * 1000;

const refused = (message: string) => forbidden('IDENTITY.IMPERSONATION_FORBIDDEN', message);

/**
 * Checked before the target is even looked up, so a caller who may not impersonate learns
 * nothing about which accounts exist. Roles, not just the permission: a custom role holding
 * users:execute does not make its holders admins.
 */
export function callerRefusal(caller: CallerIdentity): AppError | undefined {
  if (caller.impersonatorId) return conflict('IDENTITY.ALREADY_IMPERSONATING', 'End the current impersonation before starting another.');
  if (!caller.userId || !caller.sessionId) return refused('Impersonation needs a signed-in session (not an API key).');
  if (!hasAdminRole(caller)) return refused('Only an ADMIN or a SUPER_ADMIN can act as another user.');
  return undefined;
}

export function targetRefusal(caller: CallerIdentity, target: { id: string; roles: string[] }): AppError | undefined {
  if (target.id === caller.userId)
    return invalid('IDENTITY.CANNOT_IMPERSONATE_SELF', 'You cannot impersonate yourself.', {
      errors: [{ field: 'userId', messages: ['userId must be another user'] }],
    });
  if (target.roles.includes('SUPER_ADMIN') && !isSuperAdmin(caller)) return refused('Only a SUPER_ADMIN can act as a SUPER_ADMIN.');
  return undefined;
}
