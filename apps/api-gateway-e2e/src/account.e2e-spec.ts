import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '@suite/platform/testing';
import { json, Stack, startStack } from './stack';

const PASSWORD = 'Shiitake#Grow42';
const NEW_PASSWORD = 'Enoki!Cluster77';
const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');
const withoutRequestId = (problem: Record<string, unknown>) => ({ ...problem, requestId: undefined });

/** Email verification, password reset and change, and the own profile, end to end with a real SMTP server. */
describe('account flows through the gateway', () => {
  let smtp: TestSmtpServer;
  let stack: Stack;
  let db: Client;
  let counter = 0;
  const newEmail = () => `account${++counter}-${Date.now()}@example.com`;

  const call = (method: string, path: string, options: { body?: unknown; token?: string } = {}) =>
    fetch(`${stack.base}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
  const login = (email: string, password = PASSWORD) => call('POST', '/auth/login', { body: { email, password } });
  const mailsTo = (email: string) => smtp.messages.filter((m) => m.envelopeTo.includes(email));
  /** The n-th (1-based) message to `email`, waiting for it if it has not arrived yet. */
  const nthMail = (email: string, n = 1) => smtp.waitFor(() => mailsTo(email).length >= n).then(() => mailsTo(email)[n - 1]);
  const codeIn = (mail: ReceivedMail) => /\b(\d{6})\b/.exec(mail.text)?.[1] as string;
  const tokenIn = (mail: ReceivedMail) => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;

  /** A registered account and the verification mail it received. */
  const registered = async (username?: string) => {
    const email = newEmail();
    const response = await call('POST', '/auth/register', { body: { email, password: PASSWORD, ...(username ? { username } : {}) } });
    expect(response.status).toBe(201);
    const mail = await nthMail(email);
    return { email, mail, code: codeIn(mail), token: tokenIn(mail) };
  };
  const signedIn = async (username?: string) => {
    const account = await registered(username);
    const tokens = await json(await login(account.email));
    return { ...account, accessToken: tokens.accessToken as string };
  };
  const userRow = async (email: string) => (await db.query('SELECT * FROM users WHERE email = $1', [email])).rows[0];

  beforeAll(async () => {
    // Before the stack: identity reads SMTP_URL at start-up.
    smtp = await startTestSmtpServer();
    stack = await startStack(['identity'], {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Suite <no-reply@suite.test>',
      APP_URL: 'https://app.suite.test',
    });
    db = await stack.db('identity');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
  });

  it('mails one message with a 6-digit code and a link token at registration, stores only their hashes, and verifies with the code once', async () => {
    const { email, mail, code, token } = await registered();
    expect(mail).toMatchObject({ envelopeTo: [email], to: email, from: 'no-reply@suite.test', subject: 'Confirm your email address' });
    expect(code).toMatch(/^\d{6}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain(`https://app.suite.test/verify-email?token=${token}`);
    expect(mailsTo(email)).toHaveLength(1);
    const stored = await userRow(email);
    expect(stored).toMatchObject({ email_verified: false, email_verification_code: sha256(code), email_verification_token: sha256(token) });
    expect(stored.email_verification_code_expiry.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(stored.email_verification_token_expiry.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);

    const { accessToken } = await json(await login(email));
    expect((await json(await call('GET', '/auth/me', { token: accessToken }))).user.emailVerified).toBe(false);
    const verified = await call('POST', '/auth/verify-email', { body: { email: email.toUpperCase(), code } });
    expect(verified.status).toBe(200);
    expect(await json(verified)).toEqual({ emailVerified: true });
    expect((await json(await call('GET', '/auth/me', { token: accessToken }))).user.emailVerified).toBe(true);
    expect(await userRow(email)).toMatchObject({
      email_verified: true,
      email_verification_code: null,
      email_verification_code_expiry: null,
      email_verification_token: null,
      email_verification_token_expiry: null,
    });

    // Reused: the code and the link sent with it are spent.
    const reused = await call('POST', '/auth/verify-email', { body: { email, code } });
    expect(reused.status).toBe(400);
    expect((await json(reused)).code).toBe('IDENTITY.INVALID_VERIFICATION');
    expect((await call('POST', '/auth/verify-email', { body: { token } })).status).toBe(400);
  });

  it('verifies with the link token, and announces each verification once (orders joins guest orders on it)', async () => {
    const { email, token } = await registered();
    const verified = await call('POST', '/auth/verify-email', { body: { token } });
    expect(verified.status).toBe(200);
    expect((await userRow(email)).email_verified).toBe(true);
    expect((await call('POST', '/auth/verify-email', { body: { token } })).status).toBe(400);
    const announced = await db.query(
      "SELECT payload FROM outbox_event WHERE subject = 'evt.identity.user.email-verified' AND payload->>'email' = $1",
      [email],
    );
    expect(announced.rows).toEqual([{ payload: { userId: (await userRow(email)).id, email } }]);
  });

  it('answers an expired code exactly like a wrong one, and resend mails a fresh link and code that work', async () => {
    const { email, code } = await registered();
    const wrong = await json(await call('POST', '/auth/verify-email', { body: { email, code: code === '000000' ? '111111' : '000000' } }));
    await db.query("UPDATE users SET email_verification_code_expiry = now() - interval '1 minute' WHERE email = $1", [email]);
    const expired = await call('POST', '/auth/verify-email', { body: { email, code } });
    expect(expired.status).toBe(400);
    expect(withoutRequestId(await json(expired))).toEqual(withoutRequestId(wrong));

    const resent = await call('POST', '/auth/verify-email/resend', { body: { email } });
    expect(resent.status).toBe(202);
    const second = await nthMail(email, 2);
    const newCode = codeIn(second);
    expect((await userRow(email)).email_verification_code).toBe(sha256(newCode));
    expect((await call('POST', '/auth/verify-email', { body: { email, code: newCode } })).status).toBe(200);
    // Verified now: a resend is answered the same and sends nothing.
    expect((await call('POST', '/auth/verify-email/resend', { body: { email } })).status).toBe(202);
    const unknown = newEmail();
    const unknownAnswer = await call('POST', '/auth/verify-email/resend', { body: { email: unknown } });
    expect(unknownAnswer.status).toBe(202);
    expect(await json(unknownAnswer)).toEqual({ accepted: true });
    await sleep(500);
    expect(mailsTo(email)).toHaveLength(2);
    expect(mailsTo(unknown)).toHaveLength(0);
  });

  it('invalidates the code after 5 wrong ones, logging each, while the link still works', async () => {
    const { email, code, token } = await registered();
    const wrongCode = code === '999999' ? '999998' : '999999';
    for (let i = 0; i < 5; i++) expect((await call('POST', '/auth/verify-email', { body: { email, code: wrongCode } })).status).toBe(400);
    const right = await call('POST', '/auth/verify-email', { body: { email, code } });
    expect(right.status).toBe(400);
    expect((await json(right)).code).toBe('IDENTITY.INVALID_VERIFICATION');
    const row = await userRow(email);
    expect(row).toMatchObject({ email_verified: false, email_verification_code: null });
    const events = await db.query('SELECT event, count(*)::int AS n FROM security_logs WHERE user_id = $1 GROUP BY event ORDER BY event', [
      row.id,
    ]);
    expect(events.rows).toEqual([
      { event: 'email_verification.code_invalidated', n: 1 },
      { event: 'email_verification.wrong_code', n: 5 },
    ]);
    expect((await call('POST', '/auth/verify-email', { body: { token } })).status).toBe(200);
  });

  it('refuses malformed verification bodies with 400 naming the field', async () => {
    const response = await call('POST', '/auth/verify-email', { body: { email: 'someone@example.com', code: '12ab' } });
    expect(response.status).toBe(400);
    expect((await json(response)).errors).toEqual([{ field: 'code', messages: expect.any(Array) }]);
  });

  it('resets a forgotten password end to end: every session ends, the lockout is cleared, the code works once', async () => {
    const { email, accessToken } = await signedIn();
    const second = await json(await login(email));
    await db.query("UPDATE users SET locked_until = now() + interval '10 minutes' WHERE email = $1", [email]);
    const forgot = await call('POST', '/auth/password/forgot', { body: { email } });
    expect(forgot.status).toBe(202);
    const mail = await nthMail(email, 2);
    expect(mail.subject).toBe('Your password reset code');
    const code = codeIn(mail);
    expect((await userRow(email)).password_reset_code).toBe(sha256(code));

    const weak = await call('POST', '/auth/password/reset', { body: { email, code, newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(await json(weak)).toMatchObject({ code: 'IDENTITY.WEAK_PASSWORD', errors: [{ field: 'newPassword' }] });
    const wrongCode = await call('POST', '/auth/password/reset', {
      body: { email, code: code === '000000' ? '000001' : '000000', newPassword: NEW_PASSWORD },
    });
    expect(wrongCode.status).toBe(400);
    expect((await json(wrongCode)).code).toBe('IDENTITY.INVALID_RESET_CODE');

    const reset = await call('POST', '/auth/password/reset', { body: { email, code, newPassword: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
    expect(await json(reset)).toEqual({ passwordReset: true });
    expect((await call('GET', '/auth/me', { token: accessToken })).status).toBe(401);
    expect((await call('GET', '/auth/me', { token: second.accessToken })).status).toBe(401);
    expect((await login(email)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
    const reused = await call('POST', '/auth/password/reset', { body: { email, code, newPassword: 'Another#Pass123' } });
    expect(reused.status).toBe(400);
    expect((await json(reused)).code).toBe('IDENTITY.INVALID_RESET_CODE');

    const row = await userRow(email);
    expect(row).toMatchObject({
      password_reset_code: null,
      password_reset_code_expiry: null,
      locked_until: null,
      failed_login_attempts: 0,
    });
    const sessions = await db.query("SELECT revoked_reason FROM sessions WHERE user_id = $1 AND status = 'REVOKED'", [row.id]);
    expect(sessions.rows).toEqual([{ revoked_reason: 'password_reset' }, { revoked_reason: 'password_reset' }]);
    const events = await db.query(
      "SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.identity.session.revoked' AND payload->>'userId' = $1 AND payload->>'reason' = 'password_reset'",
      [row.id],
    );
    expect(events.rows[0].n).toBe(2);
    const log = await db.query("SELECT metadata FROM security_logs WHERE user_id = $1 AND event = 'password.reset'", [row.id]);
    expect(log.rows).toEqual([{ metadata: { sessionsRevoked: 2 } }]);
  });

  it('answers forgot for an unknown email with the same 202 and sends nothing; an expired reset code is refused', async () => {
    const unknown = newEmail();
    const { email } = await registered();
    const [a, b] = [
      await call('POST', '/auth/password/forgot', { body: { email: unknown } }),
      await call('POST', '/auth/password/forgot', { body: { email } }),
    ];
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await json(a)).toEqual(await json(b));
    const code = codeIn(await nthMail(email, 2));
    await sleep(500);
    expect(mailsTo(unknown)).toHaveLength(0);
    await db.query("UPDATE users SET password_reset_code_expiry = now() - interval '1 second' WHERE email = $1", [email]);
    const expired = await call('POST', '/auth/password/reset', { body: { email, code, newPassword: NEW_PASSWORD } });
    expect(expired.status).toBe(400);
    expect((await json(expired)).code).toBe('IDENTITY.INVALID_RESET_CODE');
    expect((await login(email)).status).toBe(200);
  });

  it('changes the password with the current one: other sessions end, this one stays', async () => {
    const { email, accessToken } = await signedIn();
    const other = await json(await login(email));
    const wrong = await call('POST', '/auth/password/change', {
      token: accessToken,
      body: { currentPassword: 'Not#ThePassword1', newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(400);
    expect(await json(wrong)).toMatchObject({ code: 'IDENTITY.WRONG_PASSWORD', errors: [{ field: 'currentPassword' }] });
    const weak = await call('POST', '/auth/password/change', {
      token: accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'weakweakweak' },
    });
    expect(weak.status).toBe(400);
    expect((await json(weak)).errors[0].field).toBe('newPassword');
    expect((await call('POST', '/auth/password/change', { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).status).toBe(
      401,
    );

    const changed = await call('POST', '/auth/password/change', {
      token: accessToken,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(200);
    expect((await call('GET', '/auth/me', { token: accessToken })).status).toBe(200);
    expect((await call('GET', '/auth/me', { token: other.accessToken })).status).toBe(401);
    expect((await login(email)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
  });

  it('reads and updates the own profile; a taken username is 409, unknown or protected fields 400', async () => {
    const taken = `taken_${Date.now()}`;
    await registered(taken);
    const { email, accessToken } = await signedIn();
    expect((await call('GET', '/users/me')).status).toBe(401);
    const before = await json(await call('GET', '/users/me', { token: accessToken }));
    expect(before).toMatchObject({ email, role: 'USER', imageUrl: null, phoneNumber: null, preferences: null });
    expect(JSON.stringify(before)).not.toMatch(/password|verification|secret/i);

    const changes = {
      firstName: 'Maria',
      lastName: 'Grower',
      username: `maria_${Date.now()}`,
      imageUrl: 'https://cdn.example.com/maria.png',
      phoneNumber: '+4915112345678',
      preferences: { theme: 'dark', units: { temperature: 'C' } },
    };
    const patched = await call('PATCH', '/users/me', { token: accessToken, body: changes });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ email, ...changes });
    expect(await json(await call('GET', '/users/me', { token: accessToken }))).toMatchObject(changes);
    expect(await userRow(email)).toMatchObject({
      first_name: 'Maria',
      last_name: 'Grower',
      username: changes.username,
      image_url: changes.imageUrl,
      phone_number: changes.phoneNumber,
      preferences: changes.preferences,
    });
    const cleared = await json(await call('PATCH', '/users/me', { token: accessToken, body: { phoneNumber: null, preferences: null } }));
    expect(cleared).toMatchObject({ phoneNumber: null, preferences: null, firstName: 'Maria' });

    const conflict = await call('PATCH', '/users/me', { token: accessToken, body: { username: taken } });
    expect(conflict.status).toBe(409);
    expect(await json(conflict)).toMatchObject({ code: 'IDENTITY.USERNAME_TAKEN', errors: [{ field: 'username' }] });
    const protectedFields = await call('PATCH', '/users/me', {
      token: accessToken,
      body: { email: 'other@example.com', role: 'SUPER_ADMIN', emailVerified: true },
    });
    expect(protectedFields.status).toBe(400);
    expect((await json(protectedFields)).errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'emailVerified', 'role']);
    const huge = await call('PATCH', '/users/me', { token: accessToken, body: { preferences: { blob: 'x'.repeat(9000) } } });
    expect(huge.status).toBe(400);
    expect((await json(huge)).errors[0].field).toBe('preferences');
    expect(await userRow(email)).toMatchObject({ email, role: 'USER', email_verified: false, username: changes.username });
  });

  it('documents the account routes in the OpenAPI document', async () => {
    const paths = Object.keys((await json(await fetch(`${stack.base}/docs/json`))).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/verify-email',
        '/api/v1/auth/verify-email/resend',
        '/api/v1/auth/password/forgot',
        '/api/v1/auth/password/reset',
        '/api/v1/auth/password/change',
        '/api/v1/users/me',
      ]),
    );
  });
});
