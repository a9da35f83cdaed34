import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PASSWORD } from './identity-client';
import { eventually, freePort, outputTail, Running, startService } from '@suite/platform/testing';
import { json, Stack, startStack } from './stack';

const STRICT_LIMIT = 10;
const DEFAULT_LIMIT = 200;
const WINDOW_MS = 60_000;
const KEYED_MAX = 150;
/** The full burst is 2,000 requests/s for 10 s: API_USAGE_BURST_RPS=2000 API_USAGE_BURST_SECONDS=10. */
const BURST_RPS = Number(process.env.API_USAGE_BURST_RPS ?? 500);
const BURST_SECONDS = Number(process.env.API_USAGE_BURST_SECONDS ?? 4);

interface Account {
  id: string;
  token: string;
}

/**
 * Rate limits and API usage across three gateway replicas sharing one Redis: the strict sign-in class,
 * per-user and per-IP counting, trusted and untrusted proxies, 429 problem+json with the RateLimit
 * headers and RateLimitLog; a burst whose every response is one ApiUsageLog row; /api-usage queries
 * (percentiles against the stored rows) and who may read what.
 */
describe('API management: rate limits and usage', () => {
  let stack: Stack;
  let analytics: Client;
  let identity: Client;
  /** 0 and 1 trust a proxy on 127.0.0.1 (X-Forwarded-For names the client); 2 trusts none. */
  let gateways: string[];
  const extra: Running[] = [];
  let ipCounter = 0;
  /** Set-up requests each come "from" an address of their own (through a trusting gateway), so they never count against a test. */
  const freshIp = () => `198.51.100.${++ipCounter % 250}`;

  const call = (
    gateway: number,
    method: string,
    path: string,
    options: { body?: unknown; token?: string; apiKey?: string; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${gateways[gateway]}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });

  const account = async (role?: string): Promise<Account> => {
    const email = `usage-${randomUUID().slice(0, 8)}@example.com`;
    const registered = await call(0, 'POST', '/auth/register', {
      body: { email, password: PASSWORD },
      headers: { 'x-forwarded-for': freshIp() },
    });
    expect(registered.status).toBe(201);
    const { id } = await json(registered);
    if (role)
      await identity.query('INSERT INTO user_role_assignments (user_id, role_id) SELECT $1, r.id FROM roles r WHERE r.name = $2', [
        id,
        role,
      ]);
    const login = await call(0, 'POST', '/auth/login', { body: { email, password: PASSWORD }, headers: { 'x-forwarded-for': freshIp() } });
    expect(login.status).toBe(200);
    return { id, token: (await json(login)).accessToken };
  };

  /** Fixed windows are aligned to the minute: a test that must stay inside one waits out the last seconds of the current one. */
  const freshWindow = async (needMs = 15_000) => {
    const left = WINDOW_MS - (Date.now() % WINDOW_MS);
    if (left < needMs) await new Promise((r) => setTimeout(r, left + 50));
  };

  const usageRows = async (where: string, params: unknown[]) =>
    (await analytics.query(`SELECT * FROM api_usage_logs WHERE ${where}`, params)).rows;

  beforeAll(async () => {
    const env = {
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      RATE_LIMIT_STRICT_LIMIT: String(STRICT_LIMIT),
      RATE_LIMIT_STRICT_WINDOW_MS: String(WINDOW_MS),
      RATE_LIMIT_DEFAULT_LIMIT: String(DEFAULT_LIMIT),
      RATE_LIMIT_DEFAULT_WINDOW_MS: String(WINDOW_MS),
      TRUST_PROXY: '127.0.0.1',
      USAGE_LOG_FLUSH_MS: '200',
      USAGE_LOG_BATCH_SIZE: '500',
      LOG_LEVEL: 'warn',
      // A loaded CI machine: a slow answer must not read as a fail-open limiter or a 504.
      RATE_LIMIT_REDIS_TIMEOUT_MS: '5000',
      NATS_REQUEST_TIMEOUT_MS: '15000',
    };
    stack = await startStack(['identity', 'analytics'], env);
    const ports = [await freePort(), await freePort()];
    extra.push(startService('api-gateway', { ...stack.env, PORT: String(ports[0]) }));
    extra.push(startService('api-gateway', { ...stack.env, PORT: String(ports[1]), TRUST_PROXY: 'false' }));
    gateways = [stack.base, ...ports.map((p) => `http://127.0.0.1:${p}`)];
    for (const [i, base] of gateways.slice(1).entries())
      await eventually(
        () => fetch(`${base}/health/live`).then((r) => r.status),
        (s) => s === 200,
        90_000,
      ).catch((error) => {
        throw new Error(`extra gateway ${i + 1} not up: ${error}\n${outputTail(extra[i])}`);
      });
    analytics = await stack.db('analytics');
    identity = await stack.db('identity');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(extra.map((r) => r.stop()));
    await stack?.stop();
  });

  it('three replicas share one sign-in limit through Redis: 10 pass, the 11th is 429 problem+json, and the window is in RateLimitLog', async () => {
    await freshWindow();
    const attempt = (i: number) =>
      call(i % 3, 'POST', '/auth/login', {
        body: { email: 'nobody@example.com', password: 'Wrong#Password1' },
        headers: { 'x-request-id': `signin-${i}` },
      });
    const remaining: number[] = [];
    for (let i = 0; i < STRICT_LIMIT; i++) {
      const response = await attempt(i);
      expect(response.status).toBe(401); // counted, then refused by identity: wrong password
      expect(response.headers.get('ratelimit-limit')).toBe(String(STRICT_LIMIT));
      expect(response.headers.get('ratelimit-policy')).toBe(`${STRICT_LIMIT};w=60`);
      remaining.push(Number(response.headers.get('ratelimit-remaining')));
      const reset = Number(response.headers.get('ratelimit-reset'));
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(60);
    }
    expect(remaining).toEqual(Array.from({ length: STRICT_LIMIT }, (_, i) => STRICT_LIMIT - 1 - i));
    const refused = await attempt(STRICT_LIMIT);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await json(refused)).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      code: 'GATEWAY.RATE_LIMITED',
      limit: STRICT_LIMIT,
      windowSeconds: 60,
      retryAfter,
      instance: '/api/v1/auth/login',
    });
    // Another replica refuses too, and a different strict route has its own counter.
    expect((await attempt(STRICT_LIMIT + 1)).status).toBe(429);
    expect((await call(2, 'POST', '/auth/password/forgot', { body: { email: 'nobody@example.com' } })).status).toBe(202);

    const windowStart = new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS);
    const logged = await eventually(
      () => analytics.query(`SELECT * FROM rate_limit_logs WHERE identifier = 'ip:127.0.0.1' AND endpoint = 'POST /api/v1/auth/login'`),
      (r) => r.rows[0]?.count === 2,
    );
    expect(logged.rows).toHaveLength(1);
    expect(logged.rows[0]).toMatchObject({
      blocked: true,
      window_start: windowStart,
      window_end: new Date(windowStart.getTime() + WINDOW_MS),
    });
    // The refused requests are usage rows too, marked as such.
    const rows = await eventually(
      () => usageRows(`metadata->>'requestId' LIKE 'signin-%' ORDER BY timestamp`, []),
      (r) => r.length === STRICT_LIMIT + 2,
    );
    expect(rows.filter((r) => r.throttled).map((r) => r.status_code)).toEqual([429, 429]);
    expect(rows.filter((r) => r.rate_limit_hit)).toHaveLength(3); // the 10th used the last one up
    expect(rows.every((r) => r.endpoint === '/api/v1/auth/login' && r.method === 'POST' && r.ip_address === '127.0.0.1')).toBe(true);
  });

  it('counts a signed-in caller per user, not per address; anonymous callers per address', async () => {
    const [u, v] = [await account(), await account()];
    await freshWindow(20_000);
    const path = '/system-config/public';
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULT_LIMIT; i += 20)
      statuses.push(
        ...(await Promise.all(Array.from({ length: 20 }, () => call(2, 'GET', path, { token: u.token }).then((r) => r.status)))),
      );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const refused = await call(2, 'GET', path, { token: u.token });
    expect(refused.status).toBe(429);
    // Same address (127.0.0.1, untrusted proxy), other callers: their own counters.
    expect((await call(2, 'GET', path, { token: v.token })).status).toBe(200);
    const anonymous = await call(2, 'GET', path);
    expect(anonymous.status).toBe(200);
    expect(Number(anonymous.headers.get('ratelimit-remaining'))).toBe(DEFAULT_LIMIT - 1);
    const logged = await eventually(
      () => analytics.query(`SELECT * FROM rate_limit_logs WHERE identifier = $1`, [`user:${u.id}`]),
      (r) => r.rows.length === 1,
    );
    expect(logged.rows[0]).toMatchObject({ endpoint: 'GET /api/v1/system-config/public', count: 1, blocked: true });
  });

  it('honours X-Forwarded-For only behind a trusted proxy', async () => {
    await freshWindow();
    const forgot = (gateway: number, ip: string, id: string) =>
      call(gateway, 'POST', '/auth/password/forgot', {
        body: { email: 'nobody@example.com' },
        headers: { 'x-forwarded-for': ip, 'x-request-id': id },
      });
    // Trusted: each forwarded address is a client of its own.
    for (let i = 0; i < STRICT_LIMIT; i++) expect((await forgot(i % 2, '203.0.113.50', `xff-a-${i}`)).status).toBe(202);
    expect((await forgot(1, '203.0.113.50', 'xff-a-over')).status).toBe(429);
    expect((await forgot(0, '203.0.113.51', 'xff-b-0')).status).toBe(202);
    // Untrusted (gateway 2): the header is ignored, the socket's address counts, whatever the header says.
    const before = Number((await forgot(2, '203.0.113.60', 'xff-c-0')).headers.get('ratelimit-remaining'));
    const after = Number((await forgot(2, '203.0.113.61', 'xff-c-1')).headers.get('ratelimit-remaining'));
    expect(after).toBe(before - 1);

    const rows = await eventually(
      () => usageRows(`metadata->>'requestId' LIKE 'xff-%'`, []),
      (r) => r.length === STRICT_LIMIT + 4,
    );
    const ipOf = (id: string) => rows.find((r) => r.metadata.requestId === id)?.ip_address;
    expect(ipOf('xff-a-0')).toBe('203.0.113.50');
    expect(ipOf('xff-b-0')).toBe('203.0.113.51');
    expect(ipOf('xff-c-0')).toBe('127.0.0.1');
    expect(ipOf('xff-c-1')).toBe('127.0.0.1');
    const logged = await eventually(
      () => analytics.query(`SELECT identifier FROM rate_limit_logs WHERE endpoint = 'POST /api/v1/auth/password/forgot'`),
      (r) => r.rows.length > 0,
    );
    expect(logged.rows.map((r) => r.identifier)).toEqual(['ip:203.0.113.50']);
  });

  it('a burst across the replicas loses no usage row; rows carry the key id (never the key); /api-usage percentiles match the rows', async () => {
    const owner = await account('SELLER');
    const created = await call(0, 'POST', '/api-keys', { token: owner.token, body: { name: 'usage burst', scopes: ['api-usage:read'] } });
    expect(created.status).toBe(201);
    const { id: keyId, key } = await json(created);
    const started = new Date(Date.now() - 1000);
    const total = BURST_RPS * BURST_SECONDS;
    const keyedTotal = Math.min(Math.ceil(total / 20), KEYED_MAX);
    const statuses = new Map<string, number>();
    let inFlight = 0;
    const send = async (i: number) => {
      const requestId = `burst-${i}`;
      inFlight++;
      // Every 20th request with the API key (at most 150 of them: under the key's limit); the rest anonymous,
      // from 250 forwarded addresses, through the two trusting replicas.
      const response =
        i % 20 === 0 && i < 20 * KEYED_MAX
          ? await call(i % 3, 'GET', '/auth/me', {
              apiKey: key,
              headers: { 'x-request-id': requestId, referer: 'https://app.example/usage', 'user-agent': 'burst/1.0' },
            })
          : await call(i % 2, 'GET', '/system-config/public', {
              headers: { 'x-request-id': requestId, 'x-forwarded-for': `198.18.${Math.floor(i / 50) % 5}.${i % 50}` },
            });
      await response.arrayBuffer();
      statuses.set(requestId, response.status);
      inFlight--;
    };
    const pending: Promise<void>[] = [];
    const t0 = Date.now();
    for (let i = 0; i < total; i++) {
      // Paced to BURST_RPS, at most 200 in flight.
      const due = t0 + (i * 1000) / BURST_RPS;
      while (Date.now() < due || inFlight >= 200)
        await new Promise((r) => setTimeout(r, inFlight >= 200 ? 2 : Math.max(0, due - Date.now())));
      pending.push(send(i));
    }
    await Promise.all(pending);
    expect(statuses.size).toBe(total);
    const counts = await eventually(
      () =>
        analytics.query(
          `SELECT count(*)::int AS n, count(DISTINCT metadata->>'requestId')::int AS d FROM api_usage_logs WHERE metadata->>'requestId' LIKE 'burst-%'`,
        ),
      (r) => r.rows[0].n >= total,
      90_000,
    ).catch((error) => {
      const tails = [stack.gateway, ...extra, stack.services.analytics].map((p) => outputTail(p, 8)).join('\n---\n');
      throw new Error(`${error}\n${tails}`);
    });
    expect(counts.rows[0]).toEqual({ n: total, d: total });
    const stored = await usageRows(`metadata->>'requestId' LIKE 'burst-%'`, []);
    for (const row of stored.slice(0, 200)) expect(row.status_code).toBe(statuses.get(row.metadata.requestId));
    const keyed = stored.filter((r) => r.api_key !== null);
    expect(keyed).toHaveLength(keyedTotal);
    expect(keyed[0]).toMatchObject({
      api_key: keyId,
      user_id: owner.id,
      endpoint: '/api/v1/auth/me',
      method: 'GET',
      version: 'v1',
      status_code: 200,
      ip_address: '127.0.0.1',
      user_agent: 'burst/1.0',
      referer: 'https://app.example/usage',
      request_size: null,
      rate_limit_hit: false,
      throttled: false,
    });
    expect(keyed[0].response_size).toBeGreaterThan(0);
    expect(keyed[0].queue_time).toBeGreaterThanOrEqual(0);
    expect(keyed[0].response_time).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(new Set(stored.filter((r) => r.api_key === null).map((r) => r.ip_address)).size).toBeGreaterThanOrEqual(200);

    // Percentiles against the stored rows (PostgreSQL's percentile_cont: linear interpolation).
    const root = await account('ADMIN');
    const to = new Date(Date.now() + 1000);
    const query = `from=${started.toISOString()}&to=${to.toISOString()}`;
    const report = await json(
      await call(0, 'GET', `/api-usage/endpoints?${query}&endpoint=/api/v1/system-config/public&method=GET`, { token: root.token }),
    );
    const times = (
      await usageRows(`endpoint = '/api/v1/system-config/public' AND method = 'GET' AND timestamp >= $1 AND timestamp < $2`, [started, to])
    )
      .map((r) => r.response_time as number)
      .sort((a, b) => a - b);
    const percentile = (p: number) => {
      const at = p * (times.length - 1);
      const lo = Math.floor(at);
      return times[lo] + (times[Math.min(lo + 1, times.length - 1)] - times[lo]) * (at - lo);
    };
    expect(report.items).toHaveLength(1);
    const [item] = report.items;
    expect(item).toMatchObject({ endpoint: '/api/v1/system-config/public', method: 'GET', requests: times.length });
    expect(item.p50).toBeCloseTo(percentile(0.5), 6);
    expect(item.p95).toBeCloseTo(percentile(0.95), 6);
    expect(item.p99).toBeCloseTo(percentile(0.99), 6);

    // The key's owner sees their key (not the secret), with its requests.
    const byKey = await json(await call(0, 'GET', `/api-usage/keys?${query}`, { token: owner.token }));
    expect(byKey.items).toEqual([expect.objectContaining({ apiKey: keyId, requests: keyedTotal, errors: 0 })]);
    // And the key itself may read its owner's usage (it carries api-usage:read).
    const asKey = await call(1, 'GET', `/api-usage/keys?${query}`, { apiKey: key });
    expect(asKey.status).toBe(200);
    expect((await json(asKey)).items[0]).toMatchObject({ apiKey: keyId });
  }, 300_000);

  it('staff read everyone; others only their own user and keys; without api-usage:read 403, signed out 401', async () => {
    const [seller, other, admin, plain] = [await account('SELLER'), await account('SELLER'), await account('ADMIN'), await account()];
    // A refused window of someone else's, for staff to see and the seller not to.
    await freshWindow(5000);
    for (let i = 0; i <= STRICT_LIMIT; i++)
      await call(0, 'POST', '/auth/password/forgot', {
        body: { email: 'nobody@example.com' },
        headers: { 'x-forwarded-for': '203.0.113.99' },
      });
    await eventually(
      () => analytics.query(`SELECT 1 FROM rate_limit_logs WHERE identifier = 'ip:203.0.113.99'`),
      (r) => r.rows.length === 1,
    );
    for (const a of [seller, other]) expect((await call(0, 'GET', '/auth/me', { token: a.token })).status).toBe(200);
    await eventually(
      () => usageRows(`user_id = ANY($1) AND endpoint = '/api/v1/auth/me'`, [[seller.id, other.id]]),
      (r) => r.length === 2,
      60_000,
    );
    const mine = await json(await call(0, 'GET', '/api-usage/users', { token: seller.token }));
    expect(mine.items.map((i: { userId: string }) => i.userId)).toEqual([seller.id]);
    expect(mine.items[0]).toMatchObject({ requests: expect.any(Number), errors: 0, serverErrors: 0, throttled: 0 });
    const notMine = await call(0, 'GET', `/api-usage/users?userId=${other.id}`, { token: seller.token });
    expect(notMine.status).toBe(404);
    expect(await json(notMine)).toMatchObject({ code: 'ANALYTICS.USER_NOT_FOUND' });
    // Per endpoint: only what the seller called (their other calls may or may not have been flushed yet).
    const byEndpoint = await json(await call(0, 'GET', '/api-usage/endpoints', { token: seller.token }));
    expect(byEndpoint.items).toContainEqual(expect.objectContaining({ endpoint: '/api/v1/auth/me', method: 'GET', requests: 1 }));
    for (const item of byEndpoint.items) expect(item.endpoint).toMatch(/^\/api\/v1\/(auth\/me|api-usage\/users)$/);
    expect((await json(await call(0, 'GET', '/api-usage/rate-limits', { token: seller.token }))).items).toEqual([]);

    const all = await json(await call(0, 'GET', '/api-usage/users?limit=500', { token: admin.token }));
    expect(all.items.map((i: { userId: string }) => i.userId)).toEqual(expect.arrayContaining([seller.id, other.id]));
    expect((await json(await call(0, 'GET', `/api-usage/users?userId=${other.id}`, { token: admin.token }))).items).toHaveLength(1);
    const windows = await json(await call(0, 'GET', '/api-usage/rate-limits?limit=1', { token: admin.token }));
    expect(windows.items).toHaveLength(1);
    expect(windows.items[0]).toMatchObject({
      blocked: true,
      count: expect.any(Number),
      identifier: expect.stringMatching(/^(ip|user|key):/),
    });
    expect(windows.nextCursor).toEqual(expect.any(String));

    expect((await call(0, 'GET', '/api-usage/users', { token: plain.token })).status).toBe(403);
    expect((await call(0, 'GET', '/api-usage/keys')).status).toBe(401);
    const bad = await call(0, 'GET', '/api-usage/endpoints?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', { token: admin.token });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ errors: [{ field: 'from' }] });
  });
});
