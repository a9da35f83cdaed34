import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { productFixtures } from './product-fixtures';
import { Stack, startStack } from './stack';

/**
 * System settings (analytics' SystemConfig) and search logs, through the gateway: CRUD with JSON Schema
 * checks, public reads, role checks, updatedBy and identity's audit rows; a change seen by catalog's
 * settings cache at once; product searches stored as SearchLog rows, clicks, popular and zero-result reports.
 */
describe('system settings and search logs', () => {
  let stack: Stack;
  let analytics: Client;
  let identityDb: Client;
  let catalog: Client;
  let root: Account;
  let admin: Account;
  let seller: Account;
  const identity = identityClient(() => stack);
  const { call, account } = identity;
  const { teamWithStore } = productFixtures(identity, () => catalog);
  const word = `qx${Date.now().toString(36)}`;
  const started = new Date(Date.now() - 60_000).toISOString();

  const send = async (method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) => {
    const response = await call(method, path, options);
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  };
  const search = (q: string, extra = '', token?: string, headers?: Record<string, string>) =>
    send('GET', `/products?search=${encodeURIComponent(q)}${extra}`, { token, headers });
  const logRow = (id: string) =>
    eventually(
      () => analytics.query('SELECT * FROM search_logs WHERE id = $1', [id]).then((r) => r.rows[0]),
      (row) => row !== undefined,
      10000,
    );

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'analytics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      // Far longer than the spec: catalog can only see a change through the change event.
      SETTINGS_CACHE_TTL_MS: '3600000',
    });
    [analytics, identityDb, catalog] = await Promise.all([stack.db('analytics'), stack.db('identity'), stack.db('catalog')]);
    root = await identity.root();
    [admin, seller] = [await account(['ADMIN'], 'admin'), await account(['SELLER'], 'seller')];
    const storeId = await teamWithStore(seller);
    for (const [name, price] of [
      [`${word} alpha mug`, '30.00'],
      [`${word} alpha cup`, '10.00'],
      [`${word} alpha bowl`, '20.00'],
      [`${word} beta plate`, '5.00'],
    ]) {
      const created = await call('POST', '/products', { token: seller.token, body: { storeId, name, price, stock: 5, status: 'ACTIVE' } });
      expect(created.status).toBe(201);
    }
  }, 150000);

  afterAll(async () => {
    await Promise.all([analytics?.end(), identityDb?.end(), catalog?.end()]);
    await stack?.stop();
  });

  const limitsSchema = {
    type: 'object',
    properties: { perMinute: { type: 'integer', minimum: 1 }, routes: { type: 'array', items: { type: 'string', pattern: '^/' } } },
    required: ['perMinute'],
    additionalProperties: false,
  };

  it('creates, reads, lists, changes and deletes settings; values are checked against their JSON Schema', async () => {
    const key = `${word}.api.limits`;
    const bad = await send('POST', '/settings', {
      token: root.token,
      body: { key, value: { perMinute: 0, routes: ['/ok', 'nope'] }, schema: limitsSchema, category: 'api' },
    });
    expect([bad.status, bad.type]).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect(bad.body.errors).toEqual([
      { field: 'value.perMinute', messages: ['must be >= 1'] },
      { field: 'value.routes[1]', messages: ['must match pattern "^/"'] },
    ]);
    const badSchema = await send('POST', '/settings', { token: root.token, body: { key, value: 1, schema: { type: 'nonsense' } } });
    expect([badSchema.status, badSchema.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['schema']]);
    const badKey = await send('POST', '/settings', { token: root.token, body: { key: '../etc', value: 1 } });
    expect([badKey.status, badKey.body.errors[0].field]).toEqual([400, 'key']);
    expect((await analytics.query('SELECT count(*)::int AS n FROM system_config WHERE key = $1', [key])).rows[0].n).toBe(0);

    const created = await send('POST', '/settings', {
      token: root.token,
      headers: { 'user-agent': 'settings-e2e/1.0' },
      body: { key, value: { perMinute: 60 }, schema: limitsSchema, category: 'api', description: 'Per-key API limits' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key, value: { perMinute: 60 }, schema: limitsSchema, isPublic: false, updatedBy: root.id });
    expect((await send('POST', '/settings', { token: root.token, body: { key, value: { perMinute: 1 } } })).status).toBe(409);

    // An ADMIN changes it; a value the stored schema refuses is a 400 naming the path, and nothing changes.
    const refused = await send('PATCH', `/settings/${key}`, { token: admin.token, body: { value: { perMinute: 'lots' } } });
    expect([refused.status, refused.body.errors]).toEqual([400, [{ field: 'value.perMinute', messages: ['must be integer'] }]]);
    const missing = await send('PATCH', `/settings/${key}`, { token: admin.token, body: { value: {} } });
    expect(missing.body.errors).toEqual([{ field: 'value.perMinute', messages: ['must have property perMinute'] }]);
    const changed = await send('PATCH', `/settings/${key}`, {
      token: admin.token,
      body: { value: { perMinute: 120, routes: ['/orders'] } },
    });
    expect([changed.status, changed.body.value, changed.body.updatedBy]).toEqual([200, { perMinute: 120, routes: ['/orders'] }, admin.id]);
    const stored = (await analytics.query('SELECT value, updated_by FROM system_config WHERE key = $1', [key])).rows[0];
    expect(stored).toEqual({ value: { perMinute: 120, routes: ['/orders'] }, updated_by: admin.id });
    // A new schema applies to the value the key keeps.
    const tighter = await send('PATCH', `/settings/${key}`, { token: admin.token, body: { schema: { type: 'object', maxProperties: 1 } } });
    expect([tighter.status, tighter.body.errors[0].field]).toEqual([400, 'value']);

    expect(await send('GET', `/settings/${key}`, { token: admin.token })).toMatchObject({
      status: 200,
      body: { value: { perMinute: 120 } },
    });

    // Paginated list filtered by category.
    for (const n of [1, 2]) {
      const other = await send('POST', '/settings', {
        token: root.token,
        body: { key: `${word}.api.extra${n}`, value: n, category: 'api' },
      });
      expect(other.status).toBe(201);
    }
    await send('POST', '/settings', { token: root.token, body: { key: `${word}.elsewhere`, value: 'x', category: 'other' } });
    const first = await send('GET', '/settings?category=api&limit=2', { token: admin.token });
    expect(first.body.items.map((s: { key: string }) => s.key)).toEqual([`${word}.api.extra1`, `${word}.api.extra2`]);
    const second = await send('GET', `/settings?category=api&limit=2&cursor=${first.body.nextCursor}`, { token: admin.token });
    expect([second.body.items.map((s: { key: string }) => s.key), second.body.nextCursor]).toEqual([[key], null]);

    // ADMIN lacks settings:delete; SUPER_ADMIN has it.
    expect((await send('DELETE', `/settings/${key}`, { token: admin.token })).status).toBe(403);
    expect(await send('DELETE', `/settings/${key}`, { token: root.token })).toMatchObject({ status: 200, body: { deleted: true } });
    expect((await send('GET', `/settings/${key}`, { token: admin.token })).status).toBe(404);

    // One audit row per change in identity, with who, before/after and where from.
    const audit = await eventually(
      () =>
        identityDb
          .query(
            `SELECT action, user_id, old_values, new_values, user_agent FROM audit_logs WHERE entity = 'SystemConfig' AND entity_id = $1 ORDER BY timestamp`,
            [key],
          )
          .then((r) => r.rows),
      (rows) => rows.length >= 3,
      10000,
    );
    expect(audit).toEqual([
      {
        action: 'setting.create',
        user_id: root.id,
        old_values: null,
        new_values: { value: { perMinute: 60 }, category: 'api', isPublic: false },
        user_agent: 'settings-e2e/1.0',
      },
      {
        action: 'setting.update',
        user_id: admin.id,
        old_values: { value: { perMinute: 60 } },
        new_values: { value: { perMinute: 120, routes: ['/orders'] }, category: 'api', isPublic: false },
        user_agent: expect.any(String),
      },
      {
        action: 'setting.delete',
        user_id: root.id,
        old_values: { value: { perMinute: 120, routes: ['/orders'] } },
        new_values: null,
        user_agent: expect.any(String),
      },
    ]);
    const listed = await send('GET', `/audit-logs?entity=SystemConfig&entityId=${encodeURIComponent(key)}`, { token: root.token });
    expect(listed.body.items.map((a: { action: string }) => a.action)).toEqual(['setting.delete', 'setting.update', 'setting.create']);
  }, 60000);

  it('serialises concurrent changes: one create wins, parallel updates leave an unbroken audit chain', async () => {
    const key = `${word}.race`;
    const creates = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        send('POST', '/settings', { token: root.token, body: { key, value: i, schema: { type: 'integer' } } }),
      ),
    );
    expect(creates.map((c) => c.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const first = creates.find((c) => c.status === 201)?.body.value;
    const updates = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send('PATCH', `/settings/${key}`, { token: admin.token, body: { value: 100 + i } })),
    );
    expect(updates.map((u) => u.status)).toEqual(Array(6).fill(200));
    const audit = await eventually(
      () =>
        identityDb
          .query(`SELECT action, old_values, new_values FROM audit_logs WHERE entity = 'SystemConfig' AND entity_id = $1`, [key])
          .then((r) => r.rows),
      (rows) => rows.length === 7,
      10000,
    );
    // Each update's "before" is the value the previous one left: walking the chain from the create reaches the stored value.
    const byOld = new Map(audit.filter((a) => a.action === 'setting.update').map((a) => [a.old_values.value, a.new_values.value]));
    let value = first;
    for (let i = 0; i < 6; i++) value = byOld.get(value);
    const stored = (await analytics.query('SELECT value FROM system_config WHERE key = $1', [key])).rows[0].value;
    expect([byOld.size, value]).toEqual([6, stored]);
  }, 30000);

  it('shows public settings to anyone and hides the rest; sellers and anonymous callers cannot write', async () => {
    const publicKey = `${word}.site.currency`;
    const privateKey = `${word}.payments.secretThreshold`;
    expect(
      (await send('POST', '/settings', { token: root.token, body: { key: publicKey, value: 'PHP', isPublic: true, category: 'site' } }))
        .status,
    ).toBe(201);
    expect((await send('POST', '/settings', { token: root.token, body: { key: privateKey, value: 5000, category: 'site' } })).status).toBe(
      201,
    );

    const anonymous = await send('GET', '/system-config/public');
    expect(anonymous.status).toBe(200);
    const keys = anonymous.body.map((e: { key: string }) => e.key);
    expect(keys).toContain(publicKey);
    expect(keys).not.toContain(privateKey);
    expect(anonymous.body.find((e: { key: string }) => e.key === publicKey)).toEqual({
      key: publicKey,
      value: 'PHP',
      description: null,
      category: 'site',
    });

    expect((await send('GET', `/settings/${privateKey}`)).status).toBe(401);
    expect((await send('GET', '/settings')).status).toBe(401);
    expect((await send('POST', '/settings', { body: { key: `${word}.anon`, value: 1 } })).status).toBe(401);
    expect((await send('GET', `/settings/${privateKey}`, { token: seller.token })).status).toBe(403);
    expect((await send('POST', '/settings', { token: seller.token, body: { key: `${word}.seller`, value: 1 } })).status).toBe(403);
    expect((await send('PATCH', `/settings/${publicKey}`, { token: seller.token, body: { value: 'USD' } })).status).toBe(403);
    expect((await send('DELETE', `/settings/${publicKey}`, { token: seller.token })).status).toBe(403);
    const row = (await analytics.query('SELECT value FROM system_config WHERE key = $1', [publicKey])).rows[0];
    expect(row.value).toBe('PHP');
    expect((await analytics.query('SELECT count(*)::int AS n FROM system_config WHERE key LIKE $1', [`${word}.seller%`])).rows[0].n).toBe(
      0,
    );
  }, 30000);

  it("reaches catalog's settings cache at once: search logging switched off and on again", async () => {
    const q = `${word} alpha`;
    // Read once so catalog has cached the default (no key: logging on).
    expect((await search(q)).body.searchLogId).toEqual(expect.any(String));
    const off = await send('POST', '/settings', {
      token: admin.token,
      body: { key: 'search.logEnabled', value: false, schema: { type: 'boolean' }, category: 'search' },
    });
    expect(off.status).toBe(201);
    // The cache's TTL is an hour: only the change event can make catalog see it.
    const unlogged = await eventually(
      () => search(q),
      (r) => r.body.searchLogId === undefined,
      2000,
    );
    expect(unlogged.body.items).toHaveLength(3);
    const before = (await analytics.query('SELECT count(*)::int AS n FROM search_logs')).rows[0].n;
    await search(q);
    expect((await send('PATCH', '/settings/search.logEnabled', { token: admin.token, body: { value: 'yes' } })).status).toBe(400);
    expect((await send('PATCH', '/settings/search.logEnabled', { token: admin.token, body: { value: true } })).status).toBe(200);
    const logged = await eventually(
      () => search(q),
      (r) => typeof r.body.searchLogId === 'string',
      2000,
    );
    await logRow(logged.body.searchLogId);
    // Nothing was logged while it was off (the two searches above), the one after it is.
    expect((await analytics.query('SELECT count(*)::int AS n FROM search_logs')).rows[0].n).toBe(before + 1);
    expect((await send('DELETE', '/settings/search.logEnabled', { token: root.token })).status).toBe(200);

    // resultsCount beyond the page is counted up to search.countLimit: 3 match, the limit says 2.
    const cap = { key: 'search.countLimit', value: 2, schema: { type: 'integer', minimum: 1 } };
    expect((await send('POST', '/settings', { token: admin.token, body: cap })).status).toBe(201);
    const countOf = async () => (await logRow((await search(q, '&limit=1')).body.searchLogId)).results_count;
    expect(await eventually(countOf, (n) => n === 2, 3000)).toBe(2);
    expect((await send('DELETE', '/settings/search.countLimit', { token: root.token })).status).toBe(200);
    expect(await eventually(countOf, (n) => n === 3, 3000)).toBe(3);
  }, 30000);

  it('stores each search with its counts, filters, sort and caller; a click sets clickedResult', async () => {
    // Three match, the page holds two: resultsCount is the full count, computed after the answer.
    const paged = await search(`${word} ALPHA`, '&limit=2&sort=price_asc&minPrice=1', seller.token, { 'user-agent': 'shop-web/2.0' });
    expect([paged.status, paged.body.items.length, typeof paged.body.nextCursor]).toEqual([200, 2, 'string']);
    const row = await logRow(paged.body.searchLogId);
    expect(row).toMatchObject({
      query: `${word} ALPHA`,
      index: 'products',
      results_count: 3,
      filters: { minPrice: '1' },
      sort: { by: 'price_asc' },
      user_id: seller.id,
      user_agent: 'shop-web/2.0',
      clicked_result: null,
    });
    expect(row.ip_address).toEqual(expect.any(String));
    expect(row.took).toBeGreaterThanOrEqual(0);
    expect(row.is_slow_query).toBe(row.took > 1000);
    // The next page is the same search: not logged again.
    const next = await search(`${word} ALPHA`, `&limit=2&sort=price_asc&minPrice=1&cursor=${paged.body.nextCursor}`, seller.token);
    expect([next.body.items.length, next.body.searchLogId]).toEqual([1, undefined]);

    const anonymous = await search(`${word} beta`);
    expect(await logRow(anonymous.body.searchLogId)).toMatchObject({
      results_count: 1,
      user_id: null,
      filters: null,
      sort: { by: 'newest' },
    });
    const none = await search(`${word} gamma`);
    expect([none.body.items, typeof none.body.searchLogId]).toEqual([[], 'string']);
    expect(await logRow(none.body.searchLogId)).toMatchObject({ results_count: 0 });
    // Without a search text nothing is logged.
    expect((await send('GET', '/products?limit=1')).body.searchLogId).toBeUndefined();

    const productId = paged.body.items[0].id;
    const click = await send('POST', `/search-logs/${paged.body.searchLogId}/click`, { body: { resultId: productId } });
    expect([click.status, click.body]).toEqual([200, { id: paged.body.searchLogId, clickedResult: productId }]);
    expect(
      (await analytics.query('SELECT clicked_result FROM search_logs WHERE id = $1', [paged.body.searchLogId])).rows[0].clicked_result,
    ).toBe(productId);
    expect((await send('POST', `/search-logs/${paged.body.searchLogId}/click`, { body: {} })).status).toBe(400);
    expect((await send('POST', '/search-logs/not-a-uuid/click', { body: { resultId: productId } })).status).toBe(400);
    const unknown = await send('POST', `/search-logs/${randomUUID()}/click`, { body: { resultId: productId } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ANALYTICS.SEARCH_LOG_NOT_FOUND']);
  }, 30000);

  it('reports popular and zero-result queries over a time range from the stored rows, for staff only', async () => {
    const q = (text: string) => search(text).then((r) => r.body.searchLogId as string);
    const ids = [
      await q(`${word} alpha`),
      await q(`${word} Alpha`),
      await q(`${word} nothing`),
      await q(`${word} nothing`),
      await q(`${word} zilch`),
    ];
    for (const id of ids) await logRow(id);
    await send('POST', `/search-logs/${ids[0]}/click`, { body: { resultId: 'p-1' } });
    const to = new Date(Date.now() + 60_000).toISOString();
    const range = `from=${encodeURIComponent(started)}&to=${encodeURIComponent(to)}`;

    // Expected figures straight from the stored rows of this spec's queries.
    const stored = (
      await analytics.query(
        `SELECT lower(btrim(query)) AS q, count(*)::int AS searches, count(clicked_result)::int AS clicks,
                count(*) FILTER (WHERE results_count = 0)::int AS zero,
                round(avg(results_count), 2)::float8 AS avg FROM search_logs WHERE query ILIKE $1 GROUP BY 1`,
        [`%${word}%`],
      )
    ).rows;
    const popular = await send('GET', `/search-logs/popular?${range}&limit=100`, { token: admin.token });
    expect(popular.status).toBe(200);
    const ours = popular.body.filter((p: { query: string }) => p.query.includes(word));
    expect(
      ours
        .map((p: { query: string; searches: number; clicks: number; zeroResults: number; averageResults: number }) => [
          p.query,
          p.searches,
          p.clicks,
          p.zeroResults,
          p.averageResults,
        ])
        .sort(),
    ).toEqual(stored.map((s) => [s.q, s.searches, s.clicks, s.zero, s.avg]).sort());
    const alpha = ours.find((p: { query: string }) => p.query === `${word} alpha`);
    expect(alpha.searches).toBeGreaterThanOrEqual(2);
    expect(alpha.clicks).toBeGreaterThanOrEqual(1);
    expect(alpha.averageResults).toBe(stored.find((r) => r.q === `${word} alpha`).avg);
    // Sorted by searches, most first.
    const counts = popular.body.map((p: { searches: number }) => p.searches);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const zero = await send('GET', `/search-logs/zero-results?${range}`, { token: root.token });
    const zeroOurs = zero.body.filter((z: { query: string }) => z.query.includes(word));
    expect(zeroOurs.map((z: { query: string; searches: number }) => [z.query, z.searches])).toEqual(
      stored
        .filter((s) => s.zero > 0)
        .sort((a, b) => b.zero - a.zero || a.q.localeCompare(b.q))
        .map((s) => [s.q, s.zero]),
    );
    expect(zeroOurs[0]).toMatchObject({ query: `${word} nothing`, searches: 2 });

    // A range before any search is empty; a backwards range is a 400 naming `to`.
    const past = await send('GET', '/search-logs/popular?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z', { token: admin.token });
    expect([past.status, past.body]).toEqual([200, []]);
    const backwards = await send('GET', `/search-logs/popular?from=${encodeURIComponent(to)}&to=${encodeURIComponent(started)}`, {
      token: admin.token,
    });
    expect([backwards.status, backwards.body.errors[0].field]).toEqual([400, 'to']);
    expect((await send('GET', `/search-logs/popular?${range}`, { token: seller.token })).status).toBe(403);
    expect((await send('GET', `/search-logs/zero-results?${range}`)).status).toBe(401);
  }, 30000);
});
