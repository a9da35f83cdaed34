import { CallerIdentity } from '@suite/platform';
import { permissionsBeyond, requirePermission } from './access-checks';
import { permissionDiff, systemRoleRefusal, unknownPermissions } from './role-rules';

describe('role rules', () => {
  const system = { isSystem: true, name: 'SELLER' };
  const custom = { isSystem: false, name: 'AUDITOR' };

  it('never renames a system role, but a custom one may be', () => {
    expect(systemRoleRefusal(system, { name: 'MERCHANT' }, [])).toMatchObject({ kind: 'conflict', code: 'IDENTITY.SYSTEM_ROLE' });
    expect(systemRoleRefusal(system, { name: 'SELLER', description: 'x' }, [])).toBeUndefined();
    expect(systemRoleRefusal(custom, { name: 'AUDITOR_2' }, [])).toBeUndefined();
  });

  it('lets a system role gain permissions but never lose one', () => {
    expect(systemRoleRefusal(system, { permissions: ['orders:read', 'devices:read'] }, ['orders:read'])).toBeUndefined();
    const refusal = systemRoleRefusal(system, { permissions: ['devices:read'] }, ['orders:read', 'devices:read']);
    expect(refusal).toMatchObject({ code: 'IDENTITY.SYSTEM_ROLE' });
    expect(refusal?.message).toContain('orders:read');
    expect(systemRoleRefusal(custom, { permissions: [] }, ['orders:read'])).toBeUndefined();
  });

  it('names each unknown permission on the permissions field', () => {
    expect(unknownPermissions(['orders:read', 'orders:fly'], ['orders:read'])).toMatchObject({
      kind: 'invalid',
      code: 'IDENTITY.UNKNOWN_PERMISSION',
      details: { errors: [{ field: 'permissions', messages: ['unknown permission: orders:fly'] }] },
    });
    expect(unknownPermissions([], [])).toBeUndefined();
  });

  it('diffs permission sets', () => {
    expect(permissionDiff(['a:read', 'b:read'], ['b:read', 'c:read'])).toEqual({ added: ['c:read'], removed: ['a:read'] });
  });

  it('checks permissions again inside identity and lists what a caller cannot hand out', () => {
    const caller: CallerIdentity = { userId: 'u', roles: ['ADMIN'], permissions: ['roles:read', 'roles:create'], teamIds: [] };
    expect(() => requirePermission(caller, 'roles:read', 'roles:create')).not.toThrow();
    expect(() => requirePermission(caller, 'roles:delete')).toThrow(
      expect.objectContaining({ code: 'AUTH.PERMISSION_DENIED', details: { missing: ['roles:delete'] } }),
    );
    expect(permissionsBeyond(caller, ['roles:read', 'roles:delete', 'roles:delete'])).toEqual(['roles:delete']);
  });
});
