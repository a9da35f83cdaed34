import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { generateSync } from 'otplib';
import { json, Stack, startStack } from './stack';

const PASSWORD = 'Shiitake#Grow42';
const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** TOTP two-factor authentication end to end: set-up, sign-in with codes and backup codes, removal, and what is stored. */
describe('two-factor authentication through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let count = 0;
  const newEmail = () => `twofa${++count}-${Date.now()}@example.com`;

  const call = (method: string, path: string, options: { body?: unknown; token?: string } = {}) =>
    fetch(`${stack.base}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
  const login = (email: string, extra: { password?: string; twoFactorCode?: string } = {}) =>
    call('POST', '/auth/login', {
      body: { email, password: extra.password ?? PASSWORD, ...(extra.twoFactorCode ? { twoFactorCode: extra.twoFactorCode } : {}) },
    });
  const signedIn = async () => {
    const email = newEmail();
    expect((await call('POST', '/auth/register', { body: { email, password: PASSWORD } })).status).toBe(201);
    const { accessToken } = await json(await login(email));
    return { email, accessToken: accessToken as string };
  };
  const userRow = async (email: string) =>
    (
      await db.query(
        'SELECT id, two_factor_enabled, two_factor_secret, two_factor_backup_codes, failed_login_attempts FROM users WHERE email = $1',
        [email],
      )
    ).rows[0];
  const securityEvents = async (userId: string) =>
    (await db.query("SELECT event FROM security_logs WHERE user_id = $1 AND event LIKE '2fa.%'", [userId])).rows.map((r) => r.event).sort();

  /** Set-up and enable, with the code computed here from the secret the user would scan. */
  const enabled = async () => {
    const user = await signedIn();
    const setup = await json(await call('POST', '/auth/2fa/setup', { token: user.accessToken }));
    const backupCodes: string[] = (
      await json(
        await call('POST', '/auth/2fa/enable', { token: user.accessToken, body: { code: generateSync({ secret: setup.secret }) } }),
      )
    ).backupCodes;
    return { ...user, secret: setup.secret as string, backupCodes };
  };

  beforeAll(async () => {
    stack = await startStack(['identity']);
    db = await stack.db('identity');
  });

  afterAll(() => stack?.stop());

  it('sets up with an encrypted pending secret, enables with a TOTP code and shows ten backup codes once, stored hashed', async () => {
    const { email, accessToken } = await signedIn();
    const response = await call('POST', '/auth/2fa/setup', { token: accessToken });
    expect(response.status).toBe(200);
    const { otpauthUri, secret } = await json(response);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain(email);

    const pending = await userRow(email);
    expect(pending.two_factor_enabled).toBe(false);
    expect(pending.two_factor_secret).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(pending.two_factor_secret).not.toContain(secret);
    expect(Buffer.from(pending.two_factor_secret.split('.')[3], 'base64url').toString('latin1')).not.toContain(secret);

    const wrong = await call('POST', '/auth/2fa/enable', {
      token: accessToken,
      body: { code: generateSync({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }) },
    });
    expect(wrong.status).toBe(400);
    expect(await json(wrong)).toMatchObject({ code: 'IDENTITY.INVALID_TWO_FACTOR_CODE', errors: [{ field: 'code' }] });
    const malformed = await call('POST', '/auth/2fa/enable', { token: accessToken, body: { code: '12ab' } });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).errors[0].field).toBe('code');
    expect((await userRow(email)).two_factor_enabled).toBe(false);

    const enable = await call('POST', '/auth/2fa/enable', { token: accessToken, body: { code: generateSync({ secret }) } });
    expect(enable.status).toBe(200);
    const { backupCodes } = await json(enable);
    expect(backupCodes).toHaveLength(10);
    for (const code of backupCodes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);

    const row = await userRow(email);
    expect(row.two_factor_enabled).toBe(true);
    expect(row.two_factor_secret).toBe(pending.two_factor_secret);
    expect(row.two_factor_backup_codes).toEqual(backupCodes.map((c: string) => sha256(c.replace('-', ''))));
    expect(JSON.stringify(row)).not.toContain(backupCodes[0]);
    expect(await securityEvents(row.id)).toEqual(['2fa.enabled']);

    // A second set-up must not replace the secret of the authenticator in use.
    const again = await call('POST', '/auth/2fa/setup', { token: accessToken });
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('IDENTITY.TWO_FACTOR_ALREADY_ENABLED');
    expect((await userRow(email)).two_factor_secret).toBe(pending.two_factor_secret);
  });

  it('asks for the code only after the right password, accepts the TOTP code, and counts wrong codes as failed sign-ins', async () => {
    const { email, secret } = await enabled();
    const wrongPassword = await login(email, { password: 'Wrong#Password99' });
    expect(wrongPassword.status).toBe(401);
    const wrongBody = await json(wrongPassword);
    expect(wrongBody.code).toBe('IDENTITY.INVALID_CREDENTIALS');
    expect(wrongBody.twoFactorRequired).toBeUndefined();

    const withoutCode = await login(email);
    expect(withoutCode.status).toBe(401);
    expect(await json(withoutCode)).toMatchObject({ code: 'IDENTITY.TWO_FACTOR_REQUIRED', twoFactorRequired: true });

    const before = (await userRow(email)).failed_login_attempts;
    const wrongCode = await login(email, { twoFactorCode: generateSync({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }) });
    expect(wrongCode.status).toBe(401);
    expect((await json(wrongCode)).code).toBe('IDENTITY.INVALID_TWO_FACTOR_CODE');
    expect((await userRow(email)).failed_login_attempts).toBe(before + 1);

    const ok = await login(email, { twoFactorCode: generateSync({ secret }) });
    expect(ok.status).toBe(200);
    const { accessToken } = await json(ok);
    expect((await json(await call('GET', '/auth/me', { token: accessToken }))).user).toMatchObject({ email, twoFactorEnabled: true });
    expect((await userRow(email)).failed_login_attempts).toBe(0);

    // The same code a second time is refused: it may have been seen over a shoulder or phished.
    const replay = await login(email, { twoFactorCode: generateSync({ secret }) });
    expect(replay.status).toBe(401);
    expect((await json(replay)).code).toBe('IDENTITY.INVALID_TWO_FACTOR_CODE');
  });

  it('locks the account after repeated wrong codes, like wrong passwords', async () => {
    const { email, secret } = await enabled();
    for (let i = 0; i < 5; i++) expect((await login(email, { twoFactorCode: '000000' })).status).toBe(401);
    const locked = await login(email, { twoFactorCode: generateSync({ secret }) });
    expect(locked.status).toBe(423);
    expect((await json(locked)).code).toBe('IDENTITY.ACCOUNT_LOCKED');
  });

  it('lets each backup code sign in once', async () => {
    const { email, backupCodes } = await enabled();
    const first = await login(email, { twoFactorCode: backupCodes[0] });
    expect(first.status).toBe(200);
    const reused = await login(email, { twoFactorCode: backupCodes[0] });
    expect(reused.status).toBe(401);
    expect((await json(reused)).code).toBe('IDENTITY.INVALID_TWO_FACTOR_CODE');
    // Any case, without the dash: the same code as printed.
    expect((await login(email, { twoFactorCode: backupCodes[1].toUpperCase().replace('-', '') })).status).toBe(200);

    const row = await userRow(email);
    expect(row.two_factor_backup_codes).toHaveLength(8);
    expect(row.two_factor_backup_codes).not.toContain(sha256(backupCodes[0].replace('-', '')));
    expect(await securityEvents(row.id)).toEqual(['2fa.backup_code_used', '2fa.backup_code_used', '2fa.enabled']);
  });

  it('disables with the password and a code, clearing the secret and the codes; a wrong password or code changes nothing', async () => {
    const { email, accessToken, secret, backupCodes } = await enabled();
    const wrongPassword = await call('POST', '/auth/2fa/disable', {
      token: accessToken,
      body: { password: 'Wrong#Password99', code: generateSync({ secret }) },
    });
    expect(wrongPassword.status).toBe(400);
    expect(await json(wrongPassword)).toMatchObject({ code: 'IDENTITY.INVALID_PASSWORD', errors: [{ field: 'password' }] });
    const wrongCode = await call('POST', '/auth/2fa/disable', { token: accessToken, body: { password: PASSWORD, code: '000000' } });
    expect(wrongCode.status).toBe(400);
    expect(await json(wrongCode)).toMatchObject({ code: 'IDENTITY.INVALID_TWO_FACTOR_CODE', errors: [{ field: 'code' }] });
    expect((await userRow(email)).two_factor_enabled).toBe(true);

    const disabled = await call('POST', '/auth/2fa/disable', { token: accessToken, body: { password: PASSWORD, code: backupCodes[5] } });
    expect(disabled.status).toBe(200);
    const row = await userRow(email);
    expect(row).toMatchObject({ two_factor_enabled: false, two_factor_secret: null, two_factor_backup_codes: [] });
    expect(await securityEvents(row.id)).toEqual(['2fa.backup_code_used', '2fa.disabled', '2fa.enabled']);
    expect((await login(email)).status).toBe(200);
    expect((await call('POST', '/auth/2fa/disable', { token: accessToken, body: { password: PASSWORD, code: '000000' } })).status).toBe(
      409,
    );
  });

  it('refuses enable before set-up, and every 2FA route without a signed-in caller', async () => {
    const { accessToken } = await signedIn();
    const early = await call('POST', '/auth/2fa/enable', { token: accessToken, body: { code: '123456' } });
    expect(early.status).toBe(409);
    expect((await json(early)).code).toBe('IDENTITY.TWO_FACTOR_NOT_SET_UP');
    for (const path of ['/auth/2fa/setup', '/auth/2fa/enable', '/auth/2fa/disable']) {
      expect((await call('POST', path, { body: { code: '123456', password: PASSWORD } })).status).toBe(401);
    }
  });
});
