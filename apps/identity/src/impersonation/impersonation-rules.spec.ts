import { CallerIdentity } from '@suite/platform';
import { callerRefusal, targetRefusal } from './impersonation-rules';

const caller = (roles: string[], extra: Partial<CallerIdentity> = {}): CallerIdentity => ({
  userId: 'admin',
  sessionId: 's1',
  roles,
  permissions: ['users:execute'],
  teamIds: [],
  ...extra,
});

describe('impersonation rules', () => {
  it('lets ADMIN and SUPER_ADMIN start, by role rather than by permission', () => {
    expect(callerRefusal(caller(['ADMIN']))).toBeUndefined();
    expect(callerRefusal(caller(['SUPER_ADMIN', 'USER']))).toBeUndefined();
    expect(callerRefusal(caller(['SUPPORT']))).toMatchObject({ kind: 'forbidden', code: 'IDENTITY.IMPERSONATION_FORBIDDEN' });
  });

  it('refuses while already impersonating and without a signed-in session (API keys)', () => {
    expect(callerRefusal(caller(['ADMIN'], { impersonatorId: 'someone' }))).toMatchObject({
      kind: 'conflict',
      code: 'IDENTITY.ALREADY_IMPERSONATING',
    });
    expect(callerRefusal(caller(['ADMIN'], { sessionId: undefined, apiKeyId: 'k' }))).toMatchObject({
      code: 'IDENTITY.IMPERSONATION_FORBIDDEN',
    });
  });

  it('refuses yourself, and a SUPER_ADMIN target unless the caller is one', () => {
    expect(targetRefusal(caller(['ADMIN']), { id: 'admin', roles: ['ADMIN'] })).toMatchObject({
      kind: 'invalid',
      code: 'IDENTITY.CANNOT_IMPERSONATE_SELF',
    });
    expect(targetRefusal(caller(['ADMIN']), { id: 'root', roles: ['SUPER_ADMIN', 'USER'] })).toMatchObject({
      kind: 'forbidden',
      code: 'IDENTITY.IMPERSONATION_FORBIDDEN',
    });
    expect(targetRefusal(caller(['SUPER_ADMIN']), { id: 'root2', roles: ['SUPER_ADMIN'] })).toBeUndefined();
    expect(targetRefusal(caller(['ADMIN']), { id: 'other-admin', roles: ['ADMIN'] })).toBeUndefined();
  });
});
