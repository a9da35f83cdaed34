import { CallerIdentity, forbidden, hasPermission, notFound } from '@suite/platform';
import { hasAdminRole } from '../roles/access-checks';

export interface Membership {
  isLeader: boolean;
}

/**
 * Who sees and manages every team. The seeded LEADER and SUPPORT roles also hold users:read, so
 * the permission alone would show every seller team to every team leader: an admin role is required too.
 */
export const isTeamAdmin = (caller: CallerIdentity): boolean => hasAdminRole(caller) && hasPermission(caller, 'users:read');

export const teamNotFound = () => notFound('IDENTITY.TEAM_NOT_FOUND', 'No such team.');

/** Non-members learn nothing, not even that the team exists. */
export function assertCanView(caller: CallerIdentity, membership: Membership | null): void {
  if (!membership && !isTeamAdmin(caller)) throw teamNotFound();
}

/** Members who are not the leader may know the team exists, so they get 403 rather than 404. */
export function assertCanManage(caller: CallerIdentity, membership: Membership | null): void {
  assertCanView(caller, membership);
  if (!isTeamAdmin(caller) && !membership?.isLeader)
    throw forbidden('IDENTITY.NOT_TEAM_LEADER', 'Only the team leader or an admin can change this team.');
}
