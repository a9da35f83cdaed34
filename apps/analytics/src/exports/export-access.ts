import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit, CallerIdentity, notFound } from '@suite/platform';
import type { Prisma } from '@suite/db/analytics';

/** Admins see every export; anyone else only their own (another's is 404). */
export const {
  requireSignedIn,
  requirePermission,
  isStaff: isExportStaff,
} = accessKit<PermissionName>({
  errorPrefix: 'ANALYTICS',
  staffRoles: ADMIN_ROLES,
});

export function exportScope(caller: CallerIdentity): Prisma.ImportExportJobWhereInput {
  return isExportStaff(caller) ? { type: 'EXPORT' } : { type: 'EXPORT', createdBy: caller.userId ?? '-' };
}

export const exportNotFound = () => notFound('ANALYTICS.EXPORT_NOT_FOUND', 'No such export.');

/** The identity the worker asks the owners with: the creator's, as it was when they queued the job. */
export type StoredCaller = Pick<CallerIdentity, 'userId' | 'roles' | 'permissions' | 'teamIds' | 'impersonatorId'>;

export function storedCaller(caller: CallerIdentity): StoredCaller {
  return {
    userId: caller.userId,
    roles: caller.roles,
    permissions: caller.permissions,
    teamIds: caller.teamIds,
    impersonatorId: caller.impersonatorId,
  };
}
