import { CallerIdentity } from '@suite/platform';
import { grantRefusal, primaryRoleOf, roleChange, unknownRoles } from './role-grants';

const caller = (roles: string[], permissions: string[] = []): CallerIdentity => ({ userId: 'u1', roles, permissions, teamIds: [] });

describe('role grants', () => {
  it('computes what a new role list adds and removes', () => {
    expect(roleChange(['USER', 'SELLER'], ['USER', 'LEADER'])).toEqual({ added: ['LEADER'], removed: ['SELLER'] });
    expect(roleChange(['USER'], ['USER'])).toEqual({ added: [], removed: [] });
  });

  it('names every unknown role in a 400 on the roles field', () => {
    const error = unknownRoles(['USER', 'WIZARD', 'GHOST'], ['USER', 'ADMIN']);
    expect(error).toMatchObject({
      kind: 'invalid',
      code: 'IDENTITY.UNKNOWN_ROLE',
      details: { errors: [{ field: 'roles', messages: ['unknown role: WIZARD', 'unknown role: GHOST'] }] },
    });
    expect(unknownRoles(['USER'], ['USER'])).toBeUndefined();
  });

  it('lets only a SUPER_ADMIN grant or remove SUPER_ADMIN', () => {
    const admin = caller(['ADMIN'], ['users:update']);
    expect(grantRefusal(admin, { added: ['SUPER_ADMIN'], removed: [] }, [])).toMatchObject({
      kind: 'forbidden',
      code: 'IDENTITY.SUPER_ADMIN_REQUIRED',
    });
    expect(grantRefusal(admin, { added: [], removed: ['SUPER_ADMIN'] }, [])).toMatchObject({ code: 'IDENTITY.SUPER_ADMIN_REQUIRED' });
    expect(grantRefusal(caller(['SUPER_ADMIN']), { added: ['SUPER_ADMIN'], removed: [] }, [])).toBeUndefined();
  });

  it('refuses roles that carry permissions the caller lacks, naming them', () => {
    const admin = caller(['ADMIN'], ['users:read', 'users:update']);
    expect(grantRefusal(admin, { added: ['CUSTOM'], removed: [] }, ['users:read', 'roles:delete', 'settings:delete'])).toMatchObject({
      kind: 'forbidden',
      code: 'IDENTITY.PERMISSION_ESCALATION',
      details: { permissions: ['roles:delete', 'settings:delete'] },
    });
    expect(grantRefusal(admin, { added: ['CUSTOM'], removed: [] }, ['users:read'])).toBeUndefined();
  });

  it('mirrors the most powerful system role as the primary role', () => {
    expect(primaryRoleOf(['USER', 'SELLER', 'ADMIN'])).toBe('ADMIN');
    expect(primaryRoleOf(['GROWER', 'USER'])).toBe('GROWER');
    expect(primaryRoleOf(['CHAMBER_AUDITOR'])).toBe('USER');
    expect(primaryRoleOf([])).toBe('USER');
  });
});
