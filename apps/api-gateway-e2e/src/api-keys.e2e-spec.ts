import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { json, Stack, startStack } from './stack';

const PASSWORD = 'Shiitake#Grow42';
const KEY_PATTERN = /^sk_([a-z0-9]{8})_[A-Za-z0-9_-]{43}$/;
const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** API keys end to end: creation (shown once, stored hashed), X-API-Key at the gateway, scopes, revocation, expiry, ownership. */

/** `sk_<prefix>_<secret>`: the secret is base64url and may itself contain `_`, so it is everything after the prefix. */
const secretOf = (key: string): string => key.split('_').slice(2).join('_');

describe('API keys through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let count = 0;

  const call = (method: string, path: string, options: { body?: unknown; token?: string; apiKey?: string } = {}) =>
    fetch(`${stack.base}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
  const grant = (email: string, role: string) =>
    db.query(
      'INSERT INTO user_role_assignments (user_id, role_id) SELECT u.id, r.id FROM users u, roles r WHERE u.email = $1 AND r.name = $2',
      [email, role],
    );
  /** A signed-in user; SELLER (which may manage API keys) unless told otherwise. */
  const signedIn = async (role: string | null = 'SELLER') => {
    const email = `keys${++count}-${Date.now()}@example.com`;
    expect((await call('POST', '/auth/register', { body: { email, password: PASSWORD } })).status).toBe(201);
    if (role) await grant(email, role);
    const { accessToken } = await json(await call('POST', '/auth/login', { body: { email, password: PASSWORD } }));
    return { email, token: accessToken as string };
  };
  const createKey = async (token: string, scopes: string[], extra: Record<string, unknown> = {}) => {
    const response = await call('POST', '/api-keys', { token, body: { name: 'sync job', scopes, ...extra } });
    expect(response.status).toBe(201);
    return json(response);
  };
  const keyRow = async (id: string) => (await db.query('SELECT * FROM api_keys WHERE id = $1', [id])).rows[0];

  beforeAll(async () => {
    stack = await startStack(['identity']);
    db = await stack.db('identity');
  });

  afterAll(() => stack?.stop());

  it('shows a new key once; lists never show it (paged, newest first); the database holds its hash and prefix', async () => {
    const { token } = await signedIn();
    const created = await createKey(token, ['orders:read', 'products:read', 'orders:read'], { expiresAt: '2099-01-01T00:00:00Z' });
    expect(created).toMatchObject({
      name: 'sync job',
      scopes: ['orders:read', 'products:read'],
      expiresAt: '2099-01-01T00:00:00.000Z',
      lastUsedAt: null,
      id: expect.any(String),
    });
    expect(created.key).toMatch(KEY_PATTERN);
    expect(created.key.startsWith(`sk_${created.prefix}_`)).toBe(true);

    const row = await keyRow(created.id);
    expect(row.key_hash).toBe(sha256(created.key));
    expect(row.key_prefix).toBe(created.prefix);
    expect(JSON.stringify(row)).not.toContain(secretOf(created.key));

    // What lists show: everything of the creation answer but the key.
    const viewOf = ({ key: _key, ...view }: { key: string }) => view;
    expect(viewOf(created)).toEqual({
      id: created.id,
      name: 'sync job',
      prefix: created.prefix,
      scopes: ['orders:read', 'products:read'],
      expiresAt: '2099-01-01T00:00:00.000Z',
      lastUsedAt: null,
      createdAt: created.createdAt,
    });
    const second = await createKey(token, ['orders:read']);
    const third = await createKey(token, ['products:read']);
    const page1 = await json(await call('GET', '/api-keys?limit=2', { token }));
    // Newest first, ties (same millisecond) broken by id, as the cursor orders them.
    const newestFirst = [created, second, third].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    expect(page1.items.map((k: { id: string }) => k.id)).toEqual([newestFirst[0].id, newestFirst[1].id]);
    const page2 = await json(await call('GET', `/api-keys?limit=2&cursor=${page1.nextCursor}`, { token }));
    expect(page2).toEqual({ items: [viewOf(newestFirst[2])], nextCursor: null });
    expect(page1.items).toEqual(newestFirst.slice(0, 2).map(viewOf));
    const listed = JSON.stringify([page1, page2]);
    for (const key of [created.key, second.key, third.key]) expect(listed).not.toContain(secretOf(key));
    expect(listed).not.toMatch(/"key"|hash/i);
  });

  it('authenticates X-API-Key like a token, with only the key scopes, and records lastUsedAt at most once a minute', async () => {
    const { email, token } = await signedIn();
    const { id, key } = await createKey(token, ['orders:read', 'stores:read']);
    const me = await call('GET', '/auth/me', { apiKey: key });
    expect(me.status).toBe(200);
    const body = await json(me);
    expect(body.user.email).toBe(email);
    expect(body.permissions).toEqual(['orders:read', 'stores:read']);

    const denied = await call('GET', '/api-keys', { apiKey: key });
    expect(denied.status).toBe(403);
    expect(await json(denied)).toMatchObject({ code: 'AUTH.PERMISSION_DENIED', missing: ['api-keys:read'] });
    // A key never manages the account's second factor, whatever its scopes.
    expect((await call('POST', '/auth/2fa/setup', { apiKey: key })).status).toBe(403);

    const firstUse = (await keyRow(id)).last_used_at;
    expect(firstUse).toBeInstanceOf(Date);
    expect((await call('GET', '/auth/me', { apiKey: key })).status).toBe(200);
    expect((await keyRow(id)).last_used_at).toEqual(firstUse);
    const [listed] = (await json(await call('GET', '/api-keys', { token }))).items;
    expect(listed.lastUsedAt).toBe(firstUse.toISOString());
  });

  it("narrows a key to its owner's current permissions", async () => {
    const { email, token } = await signedIn();
    const { key } = await createKey(token, ['api-keys:read', 'orders:read']);
    expect((await call('GET', '/api-keys', { apiKey: key })).status).toBe(200);
    await db.query(
      "DELETE FROM user_role_assignments WHERE user_id = (SELECT id FROM users WHERE email = $1) AND role_id = (SELECT id FROM roles WHERE name = 'SELLER')",
      [email],
    );
    expect((await call('GET', '/api-keys', { apiKey: key })).status).toBe(403);
    expect((await json(await call('GET', '/auth/me', { apiKey: key }))).permissions).toEqual(['orders:read']); // USER still has it
  });

  it('answers revoked, expired, unknown and malformed keys with the same 401', async () => {
    const { token } = await signedIn();
    const revoked = await createKey(token, ['orders:read']);
    const expired = await createKey(token, ['orders:read'], { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await call('GET', '/auth/me', { apiKey: expired.key })).status).toBe(200);
    await db.query("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.id]);

    const revoke = await call('DELETE', `/api-keys/${revoked.id}`, { token });
    expect(revoke.status).toBe(200);
    expect((await keyRow(revoked.id)).revoked_at).toBeInstanceOf(Date);
    expect((await json(await call('GET', '/api-keys', { token }))).items.map((k: { id: string }) => k.id)).toEqual([expired.id]);

    const unknown = `sk_${revoked.prefix}_${'A'.repeat(43)}`;
    const answers = [];
    for (const apiKey of [revoked.key, expired.key, unknown, 'not-a-key']) {
      const response = await call('GET', '/auth/me', { apiKey });
      expect(response.status).toBe(401);
      answers.push({ ...(await json(response)), requestId: undefined });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].code).toBe('AUTH.INVALID_API_KEY');
    expect((await call('DELETE', `/api-keys/${revoked.id}`, { token })).status).toBe(404);
  });

  it('refuses scopes beyond the caller, naming them, and stores nothing; a key cannot mint a stronger key', async () => {
    const { email, token } = await signedIn();
    const beyond = await call('POST', '/api-keys', {
      token,
      body: { name: 'too strong', scopes: ['orders:read', 'roles:delete', 'users:delete'] },
    });
    expect(beyond.status).toBe(403);
    expect(await json(beyond)).toMatchObject({ code: 'IDENTITY.SCOPES_EXCEED_PERMISSIONS', extraScopes: ['roles:delete', 'users:delete'] });
    const stored = await db.query('SELECT count(*)::int AS n FROM api_keys k JOIN users u ON u.id = k.user_id WHERE u.email = $1', [email]);
    expect(stored.rows[0].n).toBe(0);

    const { key } = await createKey(token, ['api-keys:create', 'orders:read']);
    const minted = await call('POST', '/api-keys', { apiKey: key, body: { name: 'child', scopes: ['products:read'] } });
    expect(minted.status).toBe(403);
    expect((await json(minted)).extraScopes).toEqual(['products:read']);
    expect((await call('POST', '/api-keys', { apiKey: key, body: { name: 'child', scopes: ['orders:read'] } })).status).toBe(201);

    const plain = await signedIn(null);
    expect((await call('POST', '/api-keys', { token: plain.token, body: { name: 'x', scopes: ['orders:read'] } })).status).toBe(403);
  });

  it('validates the body, naming each bad field', async () => {
    const { token } = await signedIn();
    const past = await call('POST', '/api-keys', {
      token,
      body: { name: 'old', scopes: ['orders:read'], expiresAt: '2001-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(await json(past)).toMatchObject({ code: 'IDENTITY.INVALID_EXPIRY', errors: [{ field: 'expiresAt' }] });
    const bad = await call('POST', '/api-keys', { token, body: { name: ' ', scopes: ['orders:fly'], expiresAt: 'tomorrow' } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.map((e: { field: string }) => e.field).sort()).toEqual(['expiresAt', 'name', 'scopes']);
    expect((await call('POST', '/api-keys', { token, body: { name: 'none', scopes: [] } })).status).toBe(400);
  });

  it("answers 404 for another user's key, which keeps working", async () => {
    const owner = await signedIn();
    const stranger = await signedIn();
    const { id, key } = await createKey(owner.token, ['orders:read']);
    const response = await call('DELETE', `/api-keys/${id}`, { token: stranger.token });
    expect(response.status).toBe(404);
    expect((await json(response)).code).toBe('IDENTITY.API_KEY_NOT_FOUND');
    expect((await call('DELETE', '/api-keys/00000000-0000-4000-8000-000000000000', { token: stranger.token })).status).toBe(404);
    expect((await call('GET', '/auth/me', { apiKey: key })).status).toBe(200);
    expect((await json(await call('GET', '/api-keys', { token: stranger.token }))).items).toEqual([]);
  });
});
