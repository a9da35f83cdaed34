import { accessKit } from './access';

type Permission = 'orders:read' | 'orders:update';
const access = accessKit<Permission>({ errorPrefix: 'ORDERS', staffRoles: ['ADMIN', 'SUPPORT'] });
const seller = { userId: 'u1', roles: ['SELLER'], permissions: ['orders:read'], teamIds: [] };

describe('access kit', () => {
  it("returns the signed-in user's id and answers an anonymous caller 401 with the service's code", () => {
    expect(access.requireSignedIn(seller)).toBe('u1');
    expect(() => access.requireSignedIn({ ...seller, userId: undefined })).toThrow(
      expect.objectContaining({ kind: 'unauthorized', code: 'ORDERS.NOT_SIGNED_IN' }),
    );
  });

  it('names every missing permission in one 403', () => {
    expect(() => access.requirePermission(seller, 'orders:read')).not.toThrow();
    expect(() => access.requirePermission(seller, 'orders:read', 'orders:update')).toThrow(
      expect.objectContaining({
        kind: 'forbidden',
        code: 'AUTH.PERMISSION_DENIED',
        message: 'Missing permission: orders:update.',
        details: { missing: ['orders:update'] },
      }),
    );
  });

  it('tells staff by role, never by permissions', () => {
    expect(access.isStaff({ ...seller, roles: ['SELLER', 'SUPPORT'] })).toBe(true);
    expect(access.isStaff({ ...seller, permissions: ['orders:read', 'orders:update'] })).toBe(false);
  });
});
