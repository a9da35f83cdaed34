import { ANONYMOUS, decodeCaller, encodeCaller, hasPermission } from './caller';

describe('caller identity header', () => {
  it('round-trips the identity, impersonation included', () => {
    const caller = { userId: 'u1', roles: ['SELLER'], permissions: ['orders:read'], teamIds: ['t1'], impersonatorId: 'admin-1' };
    expect(decodeCaller(encodeCaller(caller))).toEqual({ ...caller, apiKeyId: undefined, sessionId: undefined });
    expect(hasPermission(caller, 'orders:read')).toBe(true);
    expect(hasPermission(caller, 'orders:delete')).toBe(false);
  });

  it('treats a missing, garbled or hostile header as anonymous', () => {
    expect(decodeCaller(undefined)).toEqual(ANONYMOUS);
    expect(decodeCaller('%%%not-base64')).toEqual(ANONYMOUS);
    const hostile = Buffer.from(JSON.stringify({ userId: 5, roles: 'ADMIN', permissions: [1, 'x:y'] })).toString('base64url');
    expect(decodeCaller(hostile)).toMatchObject({ userId: undefined, roles: [], permissions: ['x:y'] });
  });
});
