import { CallerIdentity } from '@suite/platform';
import { assertCanManage, assertCanView, isTeamAdmin } from './team-rules';

const caller = (roles: string[], permissions: string[]): CallerIdentity => ({ userId: 'u', roles, permissions, teamIds: [] });
const admin = caller(['ADMIN'], ['users:read', 'teams:update']);
const leaderRole = caller(['LEADER'], ['users:read', 'teams:update']);

describe('team rules', () => {
  it('treats only admin roles holding users:read as team admins, not every holder of users:read', () => {
    expect(isTeamAdmin(admin)).toBe(true);
    expect(isTeamAdmin(leaderRole)).toBe(false);
    expect(isTeamAdmin(caller(['SUPPORT'], ['users:read']))).toBe(false);
    expect(isTeamAdmin(caller(['ADMIN'], []))).toBe(false);
  });

  it('answers non-members 404 and plain members 403 when they try to manage', () => {
    expect(() => assertCanView(leaderRole, null)).toThrow(expect.objectContaining({ kind: 'not_found', code: 'IDENTITY.TEAM_NOT_FOUND' }));
    expect(() => assertCanManage(leaderRole, null)).toThrow(expect.objectContaining({ kind: 'not_found' }));
    expect(() => assertCanManage(leaderRole, { isLeader: false })).toThrow(
      expect.objectContaining({ kind: 'forbidden', code: 'IDENTITY.NOT_TEAM_LEADER' }),
    );
    expect(() => assertCanManage(leaderRole, { isLeader: true })).not.toThrow();
    expect(() => assertCanManage(admin, null)).not.toThrow();
    expect(() => assertCanView(leaderRole, { isLeader: false })).not.toThrow();
  });
});
