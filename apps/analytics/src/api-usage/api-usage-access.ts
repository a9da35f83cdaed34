import { STAFF_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit, CallerIdentity, notFound } from '@suite/platform';

export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'ANALYTICS',
  staffRoles: STAFF_ROLES,
});

/**
 * Whose requests a caller may read: staff (with api-usage:read) everyone's; anyone else only the rows
 * made as themselves (their sessions and their own API keys, whose requests carry their user id).
 * Another user asked for by id is a 404, as if they had made no request.
 */
export function usageOwner(caller: CallerIdentity, askedUserId?: string): string | null {
  const me = requireSignedIn(caller);
  requirePermission(caller, 'api-usage:read');
  if (isStaff(caller)) return null;
  if (askedUserId !== undefined && askedUserId !== me) throw notFound('ANALYTICS.USER_NOT_FOUND', 'No usage for that user.');
  return me;
}
