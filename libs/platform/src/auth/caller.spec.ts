import { ANONYMOUS, decodeCaller, encodeCaller, hasPermission } from './caller';
import { CALLER_MAX_AGE_MS, configureCallerSigning, DEVELOPMENT_CALLER_SIGNING_KEY, signCallerPayload } from './caller-signing';

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
    const hostile = signCallerPayload(
      Buffer.from(JSON.stringify({ userId: 5, roles: 'ADMIN', permissions: [1, 'x:y'] })).toString('base64url'),
    );
    expect(decodeCaller(hostile)).toMatchObject({ userId: undefined, roles: [], permissions: ['x:y'] });
  });

  it('refuses callers it did not sign: unsigned, altered, expired, or signed with another key', () => {
    const admin = { userId: 'u1', roles: ['SUPER_ADMIN'], permissions: ['users:update'], teamIds: [] };
    const payload = Buffer.from(JSON.stringify(admin)).toString('base64url');
    expect(decodeCaller(payload)).toEqual(ANONYMOUS); // the unsigned format of before
    const [version, expiry, , signature] = encodeCaller({ ...admin, roles: ['USER'] }).split('.');
    expect(decodeCaller([version, expiry, payload, signature].join('.'))).toEqual(ANONYMOUS);
    expect(decodeCaller(signCallerPayload(payload, Date.now() - CALLER_MAX_AGE_MS - 1))).toEqual(ANONYMOUS);
    expect(decodeCaller(signCallerPayload(payload, Date.now() - CALLER_MAX_AGE_MS + 5000)).roles).toEqual(['SUPER_ADMIN']);
    configureCallerSigning('another-deployment-key-0123456789-abcdef');
    try {
      const foreign = encodeCaller(admin);
      configureCallerSigning(DEVELOPMENT_CALLER_SIGNING_KEY);
      expect(decodeCaller(foreign)).toEqual(ANONYMOUS);
    } finally {
      configureCallerSigning(DEVELOPMENT_CALLER_SIGNING_KEY);
    }
  });

  it('signs an identity object once for a while, and answers a header seen before from memory until it expires', () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const session = { userId: 'u7', roles: ['BUYER'], permissions: ['orders:read'], teamIds: [] };
      const header = encodeCaller(session);
      expect(encodeCaller(session)).toBe(header);
      expect(decodeCaller(encodeCaller({ ...session, roles: ['SELLER'] })).roles).toEqual(['SELLER']); // the new identity after a role change
      const first = decodeCaller(header);
      expect(decodeCaller(header)).toBe(first);
      expect(Object.isFrozen(first) && Object.isFrozen(first.permissions)).toBe(true);
      jest.advanceTimersByTime(31_000);
      expect(encodeCaller(session)).not.toBe(header);
      jest.advanceTimersByTime(CALLER_MAX_AGE_MS);
      expect(decodeCaller(header)).toEqual(ANONYMOUS);
    } finally {
      jest.useRealTimers();
    }
  });
});
