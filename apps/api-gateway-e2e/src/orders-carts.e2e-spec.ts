import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { json, Stack, startStack } from './stack';

/** Carts (guest and signed-in), merge on sign-in and address books through the gateway, checked against the orders database. */
describe('orders: carts, merge and addresses', () => {
  let stack: Stack;
  let catalogDb: Client;
  let ordersDb: Client;
  let storeId: string;
  const identity = identityClient(() => stack);
  const { call, account } = identity;

  const session = () => randomBytes(18).toString('base64url'); // 24 characters of [A-Za-z0-9_-]
  const product = async (fields: { price?: string; stock?: number; maxCartQty?: number; status?: string } = {}): Promise<string> => {
    const id = randomUUID();
    await catalogDb.query(
      "INSERT INTO products (id, store_id, name, sku, slug, price, stock, max_cart_qty, status, updated_at) VALUES ($1, $2, 'Oyster mug', $3, $3, $4, $5, $6, $7, now())",
      [id, storeId, `mug-${id}`, fields.price ?? '19.99', fields.stock ?? 50, fields.maxCartQty ?? 10, fields.status ?? 'ACTIVE'],
    );
    return id;
  };
  const guest = (sessionId: string) => ({
    open: () => call('POST', '/carts', { headers: { 'x-session-id': sessionId } }),
    add: (cartId: string, body: unknown) => call('POST', `/carts/${cartId}/items`, { body, headers: { 'x-session-id': sessionId } }),
    update: (cartId: string, itemId: string, quantity: number) =>
      call('PATCH', `/carts/${cartId}/items/${itemId}`, { body: { quantity }, headers: { 'x-session-id': sessionId } }),
    remove: (cartId: string, itemId: string) =>
      call('DELETE', `/carts/${cartId}/items/${itemId}`, { headers: { 'x-session-id': sessionId } }),
  });
  const cartRow = async (id: string) =>
    (await ordersDb.query('SELECT status, subtotal::text, tax::text, total::text, merged_into_id FROM carts WHERE id = $1', [id])).rows[0];

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      CART_SWEEP_INTERVAL_SECONDS: '1',
    });
    [catalogDb, ordersDb] = [await stack.db('catalog'), await stack.db('orders')];
    storeId = randomUUID();
    await catalogDb.query("INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES ($1, $2, 'Spores', 'SHOPIFY', now())", [
      storeId,
      randomUUID(),
    ]);
  });

  afterAll(() => stack?.stop());

  it('keeps a guest cart by X-Session-Id with exact Decimal totals through add, add again, update and remove', async () => {
    const g = guest(session());
    const opened = await g.open();
    const cart = await json(opened);
    expect([opened.status, cart.status, cart.total, cart.items]).toEqual([200, 'ACTIVE', '0.00', []]);
    expect((await json(await g.open())).id).toBe(cart.id);

    const mug = await product();
    const added = await g.add(cart.id, { productId: mug, quantity: 3 });
    const three = await json(added);
    expect(added.status).toBe(200);
    expect(three).toMatchObject({ subtotal: '59.97', tax: '7.20', shipping: '0.00', discount: '0.00', total: '67.17' });
    expect(three.items).toEqual([
      expect.objectContaining({
        productId: mug,
        variantId: null,
        quantity: 3,
        price: '19.99',
        originalPrice: '19.99',
        subtotal: '59.97',
        productSnapshot: { name: 'Oyster mug', sku: `mug-${mug}` },
      }),
    ]);
    expect(await cartRow(cart.id)).toMatchObject({ status: 'ACTIVE', subtotal: '59.97', tax: '7.20', total: '67.17' });

    // The snapshot holds against a price changed behind catalog's back (no event): only catalog's product events reprice lines.
    await catalogDb.query('UPDATE products SET price = 99.00 WHERE id = $1', [mug]);
    const four = await json(await g.add(cart.id, { productId: mug, quantity: 1 }));
    expect([four.items.length, four.items[0].quantity, four.subtotal, four.tax, four.total]).toEqual([1, 4, '79.96', '9.60', '89.56']);

    const itemId = four.items[0].id;
    expect(await json(await g.update(cart.id, itemId, 1))).toMatchObject({ subtotal: '19.99', tax: '2.40', total: '22.39' });
    expect(await json(await g.remove(cart.id, itemId))).toMatchObject({ items: [], subtotal: '0.00', tax: '0.00', total: '0.00' });
    expect((await ordersDb.query('SELECT count(*)::int AS n FROM cart_items WHERE cart_id = $1', [cart.id])).rows[0].n).toBe(0);
  });

  it('prices a system variant at its own price', async () => {
    const g = guest(session());
    const cart = await json(await g.open());
    const mug = await product({ price: '10.00' });
    const variantId = randomUUID();
    await catalogDb.query(
      'INSERT INTO system_variants (id, code, product_id, price, stock, updated_at) VALUES ($1, $2, $3, 25.50, 4, now())',
      [variantId, randomBytes(5).toString('hex').slice(0, 5), mug],
    );
    const body = await json(await g.add(cart.id, { productId: mug, variantId, quantity: 2 }));
    expect([body.items[0].variantId, body.items[0].price, body.subtotal, body.total]).toEqual([variantId, '25.50', '51.00', '57.12']);
    expect((await g.add(cart.id, { productId: mug, variantId, quantity: 3 })).status).toBe(409); // the variant has 4, the line would be 5
  });

  it('refuses quantity 0 or above maxCartQty (400 naming quantity), unknown products (404) and short stock (409 naming the product)', async () => {
    const g = guest(session());
    const cart = await json(await g.open());
    const mug = await product({ maxCartQty: 5, stock: 50 });
    for (const quantity of [0, 6]) {
      const refused = await g.add(cart.id, { productId: mug, quantity });
      const problem = await json(refused);
      expect([quantity, refused.status, problem.errors.map((e: { field: string }) => e.field)]).toEqual([quantity, 400, ['quantity']]);
    }
    const line = await json(await g.add(cart.id, { productId: mug, quantity: 4 }));
    expect((await g.add(cart.id, { productId: mug, quantity: 2 })).status).toBe(400); // 4 + 2 is still over the cap
    expect((await g.update(cart.id, line.items[0].id, 6)).status).toBe(400);
    expect((await g.update(cart.id, line.items[0].id, 0)).status).toBe(400);

    expect((await g.add(cart.id, { productId: randomUUID(), quantity: 1 })).status).toBe(404);
    const scarce = await product({ stock: 2 });
    const short = await g.add(cart.id, { productId: scarce, quantity: 3 });
    expect([short.status, await json(short)]).toEqual([409, expect.objectContaining({ code: 'ORDERS.OUT_OF_STOCK', productId: scarce })]);
    const draft = await product({ status: 'DRAFT' });
    expect((await json(await g.add(cart.id, { productId: draft, quantity: 1 }))).code).toBe('ORDERS.OUT_OF_STOCK');
    expect((await json(await call('GET', '/carts/current', { headers: { 'x-session-id': session() } }))).code).toBe(
      'ORDERS.CART_NOT_FOUND',
    );
    expect((await call('POST', '/carts', { headers: { 'x-session-id': 'short' } })).status).toBe(400);
    expect((await call('POST', '/carts')).status).toBe(400);
  });

  it("answers 404 for another session's or another user's cart", async () => {
    const owner = guest(session());
    const cart = await json(await owner.open());
    const mug = await product();
    const itemId = (await json(await owner.add(cart.id, { productId: mug, quantity: 1 }))).items[0].id;
    const other = guest(session());
    expect((await other.add(cart.id, { productId: mug, quantity: 1 })).status).toBe(404);
    expect((await other.update(cart.id, itemId, 2)).status).toBe(404);
    expect((await other.remove(cart.id, itemId)).status).toBe(404);
    const user = await account();
    expect((await call('POST', `/carts/${cart.id}/items`, { token: user.token, body: { productId: mug, quantity: 1 } })).status).toBe(404);
    expect((await cartRow(cart.id)).subtotal).toBe('19.99');
  });

  it('creates one cart for concurrent POST /carts of one session and of one user', async () => {
    const g = guest(session());
    const ids = new Set((await Promise.all(Array.from({ length: 10 }, () => g.open().then(json)))).map((c) => c.id));
    expect(ids.size).toBe(1);
    const user = await account();
    const userIds = new Set(
      (await Promise.all(Array.from({ length: 10 }, () => call('POST', '/carts', { token: user.token }).then(json)))).map((c) => c.id),
    );
    expect(userIds.size).toBe(1);
    expect(
      (await ordersDb.query("SELECT count(*)::int AS n FROM carts WHERE user_id = $1 AND status = 'ACTIVE'", [user.id])).rows[0].n,
    ).toBe(1);
  });

  it("merges the guest cart into the user's on sign-in: lines move, quantities add up capped at maxCartQty", async () => {
    const user: Account = await account();
    const [shared, only] = [await product({ maxCartQty: 5 }), await product({ price: '5.00' })];
    const mine = await json(await call('POST', '/carts', { token: user.token }));
    await call('POST', `/carts/${mine.id}/items`, { token: user.token, body: { productId: shared, quantity: 4 } });
    const sessionId = session();
    const g = guest(sessionId);
    const guestCart = await json(await g.open());
    await g.add(guestCart.id, { productId: shared, quantity: 3 });
    await g.add(guestCart.id, { productId: only, quantity: 2 });

    const merged = await call('POST', '/carts/merge', { token: user.token, body: { sessionId } });
    const body = await json(merged);
    expect([merged.status, body.id]).toEqual([200, mine.id]);
    const byProduct = Object.fromEntries(body.items.map((i: { productId: string; quantity: number }) => [i.productId, i.quantity]));
    expect(byProduct).toEqual({ [shared]: 5, [only]: 2 });
    expect(body).toMatchObject({ subtotal: '109.95', tax: '13.19', total: '123.14' }); // 5 x 19.99 + 2 x 5.00
    expect(await cartRow(guestCart.id)).toMatchObject({ status: 'MERGED', merged_into_id: mine.id });
    expect((await ordersDb.query('SELECT count(*)::int AS n FROM cart_items WHERE cart_id = $1', [guestCart.id])).rows[0].n).toBe(0);
    expect((await call('POST', '/carts/merge', { body: { sessionId } })).status).toBe(401);
  });

  it("keeps one default address per type per customer; another user's address is 404", async () => {
    const user = await account();
    const address = (fields: Record<string, unknown>) => ({
      firstName: 'Ana',
      lastName: 'Cruz',
      street1: '1 Rizal St',
      city: 'Makati',
      state: 'Metro Manila',
      postalCode: '1200',
      ...fields,
    });
    const add = async (fields: Record<string, unknown>) => {
      const response = await call('POST', '/customers/me/addresses', { token: user.token, body: address(fields) });
      expect(response.status).toBe(201);
      return json(response);
    };
    const first = await add({ isDefault: true });
    const second = await add({ isDefault: true, street1: '2 Mabini St' });
    const billing = await add({ type: 'BILLING', isDefault: true });
    const defaults = async () =>
      (await ordersDb.query('SELECT id, type FROM addresses WHERE user_id = $1 AND is_default ORDER BY type', [user.id])).rows;
    expect(await defaults()).toEqual([
      { id: second.id, type: 'SHIPPING' },
      { id: billing.id, type: 'BILLING' },
    ]);

    const patched = await call('PATCH', `/customers/me/addresses/${first.id}`, { token: user.token, body: { isDefault: true } });
    expect([patched.status, (await json(patched)).isDefault]).toEqual([200, true]);
    expect(await defaults()).toEqual([
      { id: first.id, type: 'SHIPPING' },
      { id: billing.id, type: 'BILLING' },
    ]);
    const list = await json(await call('GET', '/customers/me/addresses', { token: user.token }));
    expect(list.map((a: { id: string }) => a.id).sort()).toEqual([first.id, second.id, billing.id].sort());
    expect((await ordersDb.query('SELECT count(*)::int AS n FROM customers WHERE user_id = $1', [user.id])).rows[0].n).toBe(1);

    const stranger = await account();
    expect((await call('PATCH', `/customers/me/addresses/${first.id}`, { token: stranger.token, body: { city: 'Cebu' } })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/customers/me/addresses/${first.id}`, { token: stranger.token })).status).toBe(404);
    expect((await call('DELETE', `/customers/me/addresses/${second.id}`, { token: user.token })).status).toBe(200);
    expect((await call('POST', '/customers/me/addresses', { token: user.token, body: address({ postalCode: '' }) })).status).toBe(400);
  });

  it('lets staff list, filter, create and change customers; a buyer sees only their own record; a shop user none', async () => {
    const [support, buyer, user] = [await account(['SUPPORT'], 'support'), await account(['BUYER'], 'buyer'), await account()];
    const tag = `vip${Date.now().toString(36)}`;
    const created = await call('POST', '/customers', { token: support.token, body: { email: `${tag}@example.com`, firstName: 'Lia' } });
    const customer = await json(created);
    expect([created.status, customer.status, customer.email]).toEqual([201, 'ACTIVE', `${tag}@example.com`]);
    const twin = await call('POST', '/customers', { token: support.token, body: { email: `${tag.toUpperCase()}@example.com` } });
    expect([twin.status, (await json(twin)).errors[0].field]).toEqual([409, 'email']);

    const patched = await call('PATCH', `/customers/${customer.id}`, { token: support.token, body: { status: 'VIP' } });
    expect([patched.status, (await json(patched)).status]).toEqual([200, 'VIP']);
    expect((await call('PATCH', `/customers/${customer.id}`, { token: support.token, body: { status: 'GOLD' } })).status).toBe(400);
    const page = await json(await call('GET', `/customers?status=VIP&email=${tag.toUpperCase()}`, { token: support.token }));
    expect(page.items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    expect((await json(await call('GET', `/customers?status=BLOCKED&email=${tag}`, { token: support.token }))).items).toEqual([]);

    const staffAddress = await call('POST', `/customers/${customer.id}/addresses`, {
      token: support.token,
      body: {
        firstName: 'Lia',
        lastName: 'Santos',
        street1: '3 Luna St',
        city: 'Pasig',
        state: 'Metro Manila',
        postalCode: '1600',
        isDefault: true,
      },
    });
    expect(staffAddress.status).toBe(201);
    expect((await json(await call('GET', `/customers/${customer.id}/addresses`, { token: support.token }))).length).toBe(1);

    await call('GET', '/customers/me/addresses', { token: buyer.token }); // creates the buyer's own record
    const own = await json(await call('GET', '/customers', { token: buyer.token }));
    expect(own.items.map((c: { userId: string }) => c.userId)).toEqual([buyer.id]);
    expect((await call('GET', `/customers/${customer.id}`, { token: buyer.token })).status).toBe(404);
    expect((await call('GET', `/customers/${customer.id}/addresses`, { token: buyer.token })).status).toBe(404);
    expect((await call('GET', '/customers', { token: user.token })).status).toBe(403);
  });

  it('abandons idle ACTIVE carts and expires old ones at the next sweep', async () => {
    const insert = async (status: string, idleHours: number): Promise<string> =>
      (
        await ordersDb.query(
          'INSERT INTO carts (id, session_id, status, last_activity_at, updated_at) VALUES (gen_random_uuid(), $1, $2, now() - make_interval(hours => $3), now()) RETURNING id',
          [session(), status, idleHours],
        )
      ).rows[0].id;
    const [fresh, idle, old, oldAbandoned] = [
      await insert('ACTIVE', 1),
      await insert('ACTIVE', 25),
      await insert('ACTIVE', 200),
      await insert('ABANDONED', 200),
    ];
    const states = async () =>
      (
        await ordersDb.query('SELECT id, status, abandoned_at IS NOT NULL AS abandoned FROM carts WHERE id = ANY($1::uuid[])', [
          [fresh, idle, old, oldAbandoned],
        ])
      ).rows;
    const done = await eventually(states, (rows) => rows.find((r) => r.id === idle)?.status === 'ABANDONED', 10000);
    const byId = Object.fromEntries(done.map((r) => [r.id, [r.status, r.abandoned]]));
    expect(byId).toEqual({
      [fresh]: ['ACTIVE', false],
      [idle]: ['ABANDONED', true],
      [old]: ['EXPIRED', false],
      [oldAbandoned]: ['EXPIRED', false],
    });
  });
});
