import { Client } from 'pg';
import { sign } from 'jsonwebtoken';
import { ResolveSession } from '@suite/contracts/identity';
import { answerWithin } from './identity-client';
import { json, Stack, startStack } from './stack';

const PASSWORD = 'Shiitake#Grow42';
const ADMIN = { email: 'root@suite.test', password: 'Admin#Secret2026' };

/** Accounts, sessions and the gateway's authentication, end to end through HTTP, NATS and PostgreSQL. */
describe('identity through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let email = 0;
  const newEmail = () => `grower${++email}-${Date.now()}@example.com`;

  const call = (method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${stack.base}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
  const register = (address: string, password = PASSWORD) => call('POST', '/auth/register', { body: { email: address, password } });
  const login = (address: string, password = PASSWORD) =>
    call('POST', '/auth/login', { body: { email: address, password }, headers: { 'user-agent': 'e2e-agent/1.0' } });
  const signedIn = async () => {
    const address = newEmail();
    expect((await register(address)).status).toBe(201);
    const tokens = await json(await login(address));
    return { address, ...tokens } as { address: string; accessToken: string; refreshToken: string };
  };

  beforeAll(async () => {
    stack = await startStack(['identity'], {
      SEED_ADMIN_EMAIL: ADMIN.email,
      SEED_ADMIN_PASSWORD: ADMIN.password,
      LOGIN_MAX_ATTEMPTS: '3',
      LOGIN_LOCK_MINUTES: '5',
    });
    db = await stack.db('identity');
  });

  afterAll(() => stack?.stop());

  it('registers an account without ever returning its password, and stores only an argon2id hash', async () => {
    const address = newEmail();
    const response = await register(address);
    expect(response.status).toBe(201);
    const user = await json(response);
    expect(user).toMatchObject({ email: address, role: 'USER', emailVerified: false, twoFactorEnabled: false });
    expect(JSON.stringify(user)).not.toMatch(/password|argon/i);
    const row = await db.query('SELECT password FROM users WHERE email = $1', [address]);
    expect(row.rows[0].password).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate email with 409 naming the field, and a weak password with 400 explaining why; nothing is stored', async () => {
    const address = newEmail();
    await register(address);
    const duplicate = await register(address.toUpperCase());
    expect(duplicate.status).toBe(409);
    expect(await json(duplicate)).toMatchObject({ code: 'IDENTITY.EMAIL_TAKEN', errors: [{ field: 'email' }] });
    const weakAddress = newEmail();
    const weak = await register(weakAddress, 'password');
    expect(weak.status).toBe(400);
    const problem = await json(weak);
    expect(problem.code).toBe('IDENTITY.WEAK_PASSWORD');
    expect(problem.errors[0].field).toBe('password');
    expect(problem.errors[0].messages.length).toBeGreaterThan(1);
    expect((await db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [weakAddress])).rows[0].n).toBe(0);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const { address } = await signedIn();
    const wrong = await login(address, 'Wrong#Password99');
    const unknown = await login(newEmail(), 'Wrong#Password99');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await json(wrong), await json(unknown)];
    expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
  });

  it('signs in with tokens that open /auth/me with roles, permissions and teams', async () => {
    const { address, accessToken, refreshToken } = await signedIn();
    expect(refreshToken).toMatch(/^[0-9a-f-]{36}\./);
    const me = await json(await call('GET', '/auth/me', { token: accessToken }));
    expect(me.user.email).toBe(address);
    expect(me.roles).toEqual(['USER']);
    expect(me.permissions).toEqual(expect.arrayContaining(['carts:create', 'orders:read', 'products:read']));
    expect(me.permissions).not.toContain('users:read');
    expect(me.teamIds).toEqual([]);
  });

  it('answers 401 without a token, with a tampered one and with an expired one', async () => {
    const { accessToken } = await signedIn();
    expect((await call('GET', '/auth/me')).status).toBe(401);
    const [header, payload, signature] = accessToken.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const tampered = await call('GET', '/auth/me', { token: `${header}.${forged}.${signature}` });
    expect(tampered.status).toBe(401);
    expect(tampered.headers.get('content-type')).toMatch(/problem\+json/);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const expired = sign(
      { sub: claims.sub, sid: claims.sid, iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 60 },
      'development-only-jwt-secret-change-me-0123456789',
      { issuer: 'suite-identity', audience: 'suite-api' },
    );
    const late = await call('GET', '/auth/me', { token: expired });
    expect(late.status).toBe(401);
    expect((await json(late)).detail).toMatch(/expired/);
  });

  it('stops a token it has already verified at its expiry, and never takes a changed one for it', async () => {
    const { accessToken } = await signedIn();
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const shortLived = sign(
      { sub: claims.sub, sid: claims.sid, iat: now, exp: now + 2 },
      'development-only-jwt-secret-change-me-0123456789',
      {
        issuer: 'suite-identity',
        audience: 'suite-api',
      },
    );
    expect((await call('GET', '/auth/me', { token: shortLived })).status).toBe(200);
    expect((await call('GET', '/auth/me', { token: shortLived })).status).toBe(200); // from the gateway's verified tokens
    const [header, payload, signature] = shortLived.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await call('GET', '/auth/me', { token: forged })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, (now + 3) * 1000 - Date.now()));
    const late = await call('GET', '/auth/me', { token: shortLived });
    expect([late.status, (await json(late)).detail]).toEqual([401, expect.stringMatching(/expired/)]);
  });

  it('rotates the refresh token, and a reused one revokes the whole session (theft detection)', async () => {
    const { accessToken, refreshToken } = await signedIn();
    const first = await call('POST', '/auth/refresh', { body: { refreshToken } });
    expect(first.status).toBe(200);
    const rotated = await json(first);
    expect(rotated.refreshToken).not.toBe(refreshToken);
    expect((await call('GET', '/auth/me', { token: rotated.accessToken })).status).toBe(200);
    const replay = await call('POST', '/auth/refresh', { body: { refreshToken } });
    expect(replay.status).toBe(401);
    expect((await json(replay)).code).toBe('IDENTITY.REFRESH_TOKEN_REUSED');
    // Everything of that session is dead now: the thief's and the owner's tokens alike.
    expect((await call('POST', '/auth/refresh', { body: { refreshToken: rotated.refreshToken } })).status).toBe(401);
    expect((await call('GET', '/auth/me', { token: rotated.accessToken })).status).toBe(401);
    expect((await call('GET', '/auth/me', { token: accessToken })).status).toBe(401);
    const sid = rotated.refreshToken.split('.')[0];
    const session = await db.query('SELECT status, revoked_reason FROM sessions WHERE id = $1', [sid]);
    expect(session.rows[0]).toEqual({ status: 'REVOKED', revoked_reason: 'refresh_token_reuse' });
    const log = await db.query(
      "SELECT severity FROM security_logs WHERE event = 'session.refresh_token_reused' AND metadata->>'sessionId' = $1",
      [sid],
    );
    expect(log.rows).toEqual([{ severity: 'critical' }]);
  });

  it('logs out: the access token stops working within 1 s', async () => {
    const { accessToken } = await signedIn();
    expect((await call('GET', '/auth/me', { token: accessToken })).status).toBe(200); // now in the gateway's session cache
    expect((await call('POST', '/auth/logout', { token: accessToken })).status).toBe(200);
    expect((await answerWithin(401, () => call('GET', '/auth/me', { token: accessToken }))).status).toBe(401);
  });

  it('asks identity about a session once, not on every request', async () => {
    const { accessToken } = await signedIn();
    const resolves = stack.nc.subscribe(ResolveSession.subject); // a copy of every request identity answers
    let asked = 0;
    void (async () => {
      for await (const _ of resolves) asked++;
    })();
    await stack.nc.flush();
    for (let i = 0; i < 20; i++) expect((await call('GET', '/auth/me', { token: accessToken })).status).toBe(200);
    resolves.unsubscribe();
    expect(asked).toBe(1);
  });

  it('locks the account after repeated failures, even for the right password, and logs it', async () => {
    const { address } = await signedIn();
    for (let i = 0; i < 3; i++) expect((await login(address, 'Wrong#Password99')).status).toBe(401);
    const locked = await login(address);
    expect(locked.status).toBe(423);
    expect((await json(locked)).code).toBe('IDENTITY.ACCOUNT_LOCKED');
    const events = await db.query(
      'SELECT l.event FROM security_logs l JOIN users u ON u.id = l.user_id WHERE u.email = $1 ORDER BY l.timestamp',
      [address],
    );
    expect(events.rows.map((r) => r.event)).toEqual(expect.arrayContaining(['login.failed', 'account.locked', 'login.rejected_locked']));
  });

  it("lists the caller's sessions with device details, revokes one, and hides other users' sessions", async () => {
    const owner = await signedIn();
    const second = await json(await login(owner.address));
    const sessions = await json(await call('GET', '/auth/sessions', { token: owner.accessToken }));
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s: { current: boolean }) => s.current)).toMatchObject({
      userAgent: 'e2e-agent/1.0',
      ipAddress: expect.any(String),
    });
    const otherId = second.refreshToken.split('.')[0];
    const stranger = await signedIn();
    expect((await call('DELETE', `/auth/sessions/${otherId}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await call('DELETE', `/auth/sessions/${otherId}`, { token: owner.accessToken })).status).toBe(200);
    expect((await call('GET', '/auth/me', { token: second.accessToken })).status).toBe(401);
    expect((await call('GET', '/auth/me', { token: owner.accessToken })).status).toBe(200);
  });

  it('creates the first SUPER_ADMIN from SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD with every permission', async () => {
    const tokens = await json(await login(ADMIN.email, ADMIN.password));
    const me = await json(await call('GET', '/auth/me', { token: tokens.accessToken }));
    expect(me.roles).toContain('SUPER_ADMIN');
    expect(me.permissions).toEqual(expect.arrayContaining(['roles:delete', 'settings:update', 'users:read', 'devices:delete']));
  });

  it('keeps public routes open and refuses an unknown bearer scheme on protected ones', async () => {
    for (const path of ['/health/live', '/health/ready', '/metrics', '/docs/json', '/api/v1/system-config/public']) {
      expect([path, (await fetch(`${stack.base}${path}`)).status]).not.toEqual([path, 401]);
    }
    expect((await fetch(`${stack.base}/health/live`)).status).toBe(200);
    expect((await call('GET', '/auth/me', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status).toBe(401);
  });
});
