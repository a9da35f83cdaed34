import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { Stack, startStack } from './stack';

const SECRETS = ['sk-live-oyster-4f9a1c', 'atk-shiitake-77b2e0', 'rotated-enoki-c3d9aa'];

/** Stores (encrypted platform credentials, team ownership) and the category tree, through the gateway and in the database. */
describe('catalog stores and categories through the gateway', () => {
  let stack: Stack;
  let db: Client;
  const { call, account } = identityClient(() => stack);

  /** Every answer's raw text is checked: no credential may ever leave the catalog in any response. */
  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, options);
    const text = await response.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('apiCredentials');
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  /** A LEADER's new team with one SELLER in it. */
  const sellerTeam = async (label: string): Promise<{ teamId: string; leader: Account; seller: Account }> => {
    const leader = await account(['LEADER', 'USER'], `${label}-leader`);
    const seller = await account(['SELLER', 'USER'], `${label}-seller`);
    const team = await send('POST', '/teams', { token: leader.token, body: { name: `${label} team` } });
    expect(team.status).toBe(201);
    expect((await send('POST', `/teams/${team.body.id}/members`, { token: leader.token, body: { userId: seller.id } })).status).toBe(201);
    return { teamId: team.body.id, leader, seller };
  };

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    db = await stack.db('catalog');
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  describe('stores', () => {
    it('lets a seller create, list, read, change and deactivate their team store, with credentials stored encrypted only', async () => {
      const { teamId, seller } = await sellerTeam('oyster');
      const created = await send('POST', '/stores', {
        token: seller.token,
        body: {
          teamId,
          name: 'Oyster merch',
          platform: 'SHOPIFY',
          platformStoreId: 'oyster.myshopify.com',
          domain: 'oyster.example.com',
          currency: 'USD',
          credentials: { apiKey: SECRETS[0], accessToken: SECRETS[1], shopId: 'oyster-1' },
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        teamId,
        name: 'Oyster merch',
        platform: 'SHOPIFY',
        currency: 'USD',
        hasCredentials: true,
        isActive: true,
      });
      expect(created.body).not.toHaveProperty('credentials');
      const id = created.body.id as string;
      const stored = (await db.query('SELECT api_credentials FROM stores WHERE id = $1', [id])).rows[0].api_credentials as string;
      expect(stored.startsWith('v1.')).toBe(true);

      const plain = await send('POST', '/stores', {
        token: seller.token,
        body: { teamId, name: 'Oyster Etsy', platform: 'ETSY', currency: 'EUR' },
      });
      expect([plain.status, plain.body.hasCredentials]).toEqual([201, false]);
      await send('POST', '/stores', {
        token: seller.token,
        body: { teamId, name: 'Oyster TikTok', platform: 'TIKTOK_SHOP', currency: 'USD' },
      });

      const first = await send('GET', '/stores?limit=2', { token: seller.token });
      expect(first.body.items).toHaveLength(2);
      const second = await send('GET', `/stores?limit=2&cursor=${first.body.nextCursor}`, { token: seller.token });
      expect([...first.body.items, ...second.body.items].map((s: { name: string }) => s.name)).toEqual([
        'Oyster TikTok',
        'Oyster Etsy',
        'Oyster merch',
      ]);
      expect(second.body.nextCursor).toBeNull();
      expect((await send('GET', '/stores?platform=ETSY', { token: seller.token })).body.items.map((s: { id: string }) => s.id)).toEqual([
        plain.body.id,
      ]);

      expect((await send('GET', `/stores/${id}`, { token: seller.token })).body).toMatchObject({ id, hasCredentials: true });
      const changed = await send('PATCH', `/stores/${id}`, {
        token: seller.token,
        body: { name: 'Oyster shop', credentials: { apiKey: SECRETS[2] } },
      });
      expect([changed.status, changed.body.name, changed.body.hasCredentials]).toEqual([200, 'Oyster shop', true]);
      const replaced = (await db.query('SELECT api_credentials FROM stores WHERE id = $1', [id])).rows[0].api_credentials as string;
      expect(replaced.startsWith('v1.')).toBe(true);
      expect(replaced).not.toBe(stored);

      const removed = await send('DELETE', `/stores/${id}`, { token: seller.token });
      expect([removed.status, removed.body.isActive]).toEqual([200, false]);
      expect((await db.query('SELECT is_active FROM stores WHERE id = $1', [id])).rows).toEqual([{ is_active: false }]);
      expect((await send('GET', '/stores?isActive=false', { token: seller.token })).body.items.map((s: { id: string }) => s.id)).toEqual([
        id,
      ]);
    });

    it("hides a team's stores from another team's seller (404) and refuses stores for a team that is not the caller's", async () => {
      const mine = await sellerTeam('shiitake');
      const other = await sellerTeam('enoki');
      const store = await send('POST', '/stores', {
        token: mine.seller.token,
        body: { teamId: mine.teamId, name: 'Shiitake shop', platform: 'AMAZON', currency: 'GBP', credentials: { apiSecret: SECRETS[0] } },
      });
      expect(store.status).toBe(201);
      for (const [method, body] of [['GET'], ['PATCH', { name: 'taken over' }], ['DELETE']] as const) {
        const response = await send(method, `/stores/${store.body.id}`, { token: other.seller.token, body });
        expect([method, response.status, response.body.code]).toEqual([method, 404, 'CATALOG.STORE_NOT_FOUND']);
      }
      expect((await send('GET', '/stores', { token: other.seller.token })).body.items).toEqual([]);
      const foreign = await send('POST', '/stores', {
        token: other.seller.token,
        body: { teamId: mine.teamId, name: 'Sneaky', platform: 'ETSY', currency: 'USD' },
      });
      expect([foreign.status, foreign.body.code, foreign.body.errors[0].field]).toEqual([404, 'CATALOG.TEAM_NOT_FOUND', 'teamId']);
      expect((await db.query('SELECT name, is_active FROM stores WHERE id = $1', [store.body.id])).rows).toEqual([
        { name: 'Shiitake shop', is_active: true },
      ]);
    });

    it('answers 400 naming a bad platform, currency or credentials, and 409 for a store connected twice', async () => {
      const { teamId, seller } = await sellerTeam('maitake');
      const base = { teamId, name: 'Maitake', platform: 'WOOCOMMERCE', platformStoreId: 'maitake-1', currency: 'USD' };
      for (const [patch, field] of [
        [{ platform: 'MYSPACE' }, 'platform'],
        [{ currency: 'usd' }, 'currency'],
        [{ currency: 'DOLLAR' }, 'currency'],
        [{ credentials: { apiKey: 42 } }, 'credentials'],
        [{ credentials: 'token' }, 'credentials'],
      ] as const) {
        const response = await send('POST', '/stores', { token: seller.token, body: { ...base, ...patch } });
        expect([response.status, response.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, [field]]);
      }
      expect((await send('POST', '/stores', { token: seller.token, body: base })).status).toBe(201);
      const twice = await send('POST', '/stores', { token: seller.token, body: { ...base, name: 'Maitake again' } });
      expect([twice.status, twice.body.code]).toEqual([409, 'CATALOG.STORE_DUPLICATE']);
      expect((await send('POST', '/stores', { token: seller.token, body: { ...base, platform: 'ETSY' } })).status).toBe(201);
      expect((await db.query('SELECT count(*)::int AS n FROM stores WHERE platform_store_id = $1', ['maitake-1'])).rows).toEqual([
        { n: 2 },
      ]);
    });

    it('never writes a credential in plain text to the database or the catalog (or gateway) output', async () => {
      const rows = (await db.query('SELECT row_to_json(s)::text AS row, api_credentials FROM stores s')).rows as {
        row: string;
        api_credentials: string | null;
      }[];
      expect(rows.filter((r) => r.api_credentials !== null).length).toBeGreaterThanOrEqual(2);
      for (const r of rows) {
        if (r.api_credentials !== null) expect(r.api_credentials).toMatch(/^v1\./);
        for (const secret of SECRETS) expect(r.row).not.toContain(secret);
      }
      for (const output of [stack.services.catalog.output(), stack.gateway.output()]) {
        expect(output.length).toBeGreaterThan(0);
        for (const secret of SECRETS) expect(output).not.toContain(secret);
      }
    });
  });
  describe('categories', () => {
    let manager: Account;
    const create = async (body: Record<string, unknown>) => {
      const response = await send('POST', '/categories', { token: manager.token, body });
      expect(response.status).toBe(201);
      return response.body as { id: string; slug: string; name: string };
    };
    const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

    beforeAll(async () => {
      manager = await account(['LEADER', 'USER'], 'catalog-manager');
    });

    it('builds a three-level tree, nested with ?tree=true and flat by sortOrder otherwise', async () => {
      const apparel = await create({ name: 'Apparel', sortOrder: 2 });
      const mugs = await create({ name: 'Mugs', sortOrder: 1 });
      const shirts = await create({ name: 'Shirts', parentId: apparel.id });
      const vneck = await create({ name: 'V-Neck Shirts', parentId: shirts.id, description: 'Deep cut' });
      expect([apparel.slug, shirts.slug, vneck.slug]).toEqual(['apparel', 'shirts', 'v-neck-shirts']);

      const mine = new Set([apparel.id, mugs.id, shirts.id, vneck.id]);
      const tree = (await send('GET', '/categories?tree=true')).body.filter((n: { id: string }) => mine.has(n.id));
      expect(ids(tree)).toEqual([mugs.id, apparel.id]);
      expect(ids(tree[1].children)).toEqual([shirts.id]);
      expect(tree[1].children[0].children).toEqual([
        expect.objectContaining({ id: vneck.id, parentId: shirts.id, description: 'Deep cut', children: [] }),
      ]);
      const flat = (await send('GET', '/categories')).body.filter((c: { id: string }) => mine.has(c.id));
      expect(ids(flat)).toEqual([shirts.id, vneck.id, mugs.id, apparel.id]); // sortOrder 0, 0, 1, 2; equal ones by name
      expect((await send('GET', `/categories/${vneck.id}`)).body).toMatchObject({ id: vneck.id, slug: 'v-neck-shirts' });
    });

    it('keeps slugs unique for equal names, also when they are created at the same time', async () => {
      const made = await Promise.all(
        Array.from({ length: 5 }, () => send('POST', '/categories', { token: manager.token, body: { name: 'Grow Kits!' } })),
      );
      expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(made.map((r) => r.body.slug).sort()).toEqual(['grow-kits', 'grow-kits-2', 'grow-kits-3', 'grow-kits-4', 'grow-kits-5']);
      expect((await db.query("SELECT count(DISTINCT slug)::int AS n FROM categories WHERE name = 'Grow Kits!'")).rows).toEqual([{ n: 5 }]);
    });

    it('refuses to move a category under itself or one of its descendants (409)', async () => {
      const root = await create({ name: 'Cycle root' });
      const child = await create({ name: 'Cycle child', parentId: root.id });
      const grandchild = await create({ name: 'Cycle grandchild', parentId: child.id });
      for (const parentId of [root.id, grandchild.id, child.id]) {
        const response = await send('PATCH', `/categories/${root.id}`, { token: manager.token, body: { parentId } });
        expect([parentId, response.status, response.body.code]).toEqual([parentId, 409, 'CATALOG.CATEGORY_CYCLE']);
      }
      expect((await db.query('SELECT parent_id FROM categories WHERE id = $1', [root.id])).rows).toEqual([{ parent_id: null }]);
      const moved = await send('PATCH', `/categories/${grandchild.id}`, { token: manager.token, body: { parentId: root.id } });
      expect([moved.status, moved.body.parentId]).toEqual([200, root.id]);
      const toRoot = await send('PATCH', `/categories/${child.id}`, { token: manager.token, body: { parentId: null } });
      expect([toRoot.status, toRoot.body.parentId]).toEqual([200, null]);
    });

    it('hides inactive categories (and what is under them) from anonymous callers and buyers, not from managers', async () => {
      const hidden = await create({ name: 'Seasonal', isActive: false });
      const below = await create({ name: 'Seasonal caps', parentId: hidden.id });
      const buyer = await account(undefined, 'buyer');
      for (const token of [undefined, buyer.token]) {
        const listed = ids((await send('GET', '/categories', { token })).body);
        expect([listed.includes(hidden.id), listed.includes(below.id)]).toEqual([false, false]);
        expect([
          (await send('GET', `/categories/${hidden.id}`, { token })).status,
          (await send('GET', `/categories/${below.id}`, { token })).status,
        ]).toEqual([404, 404]);
      }
      expect(ids((await send('GET', '/categories', { token: manager.token })).body)).toEqual(expect.arrayContaining([hidden.id, below.id]));
      expect((await send('GET', `/categories/${hidden.id}`, { token: manager.token })).body.isActive).toBe(false);
      const seller = await account(['SELLER', 'USER'], 'seller');
      expect((await send('POST', '/categories', { token: seller.token, body: { name: 'Not mine' } })).status).toBe(403);
    });

    it('refuses to delete a category with subcategories (409) and deletes a leaf', async () => {
      const parent = await create({ name: 'Posters' });
      const leaf = await create({ name: 'Framed posters', parentId: parent.id });
      const refused = await send('DELETE', `/categories/${parent.id}`, { token: manager.token });
      expect([refused.status, refused.body.code]).toEqual([409, 'CATALOG.CATEGORY_HAS_CHILDREN']);
      expect((await send('DELETE', `/categories/${leaf.id}`, { token: manager.token })).status).toBe(200);
      expect((await send('DELETE', `/categories/${parent.id}`, { token: manager.token })).status).toBe(200);
      expect((await db.query('SELECT id FROM categories WHERE id = ANY($1::uuid[])', [[parent.id, leaf.id]])).rows).toEqual([]);
    });
  });
});
