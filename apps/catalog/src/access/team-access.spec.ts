import { isStaff } from './access';
import { canUseTeam, teamScope } from './team-access';

const seller = { userId: 'u1', roles: ['SELLER'], permissions: [], teamIds: ['t1', 't2'] };
const admin = { userId: 'a1', roles: ['ADMIN'], permissions: [], teamIds: [] };

describe('team access', () => {
  it("limits a seller to their own teams' rows", () => {
    expect(teamScope(seller)).toEqual({ teamId: { in: ['t1', 't2'] } });
    expect(canUseTeam(seller, 't2')).toBe(true);
    expect(canUseTeam(seller, 't3')).toBe(false);
  });

  it('lets platform operators see every team', () => {
    expect(isStaff(admin)).toBe(true);
    expect(teamScope(admin)).toEqual({});
    expect(canUseTeam(admin, 't3')).toBe(true);
  });

  it('gives a caller without teams nothing, not everything', () => {
    const loner = { ...seller, teamIds: [] };
    expect(teamScope(loner)).toEqual({ teamId: { in: [] } });
    expect(canUseTeam(loner, 't1')).toBe(false);
  });
});
