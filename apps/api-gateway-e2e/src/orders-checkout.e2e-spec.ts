import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { insertStore, shopFixtures } from './shop-fixtures';
import { eventually, freePort, Running, startService } from './processes';
import { json, Stack, startStack } from './stack';

/**
 * Checkout as a saga: placement, out of stock, Idempotency-Key, a 40-buyer rush and a process killed mid-checkout;
 * guest checkout, its lookup and its orders joining the account that verifies the email.
 */
describe('orders: checkout saga', () => {
  let stack: Stack;
  let catalogDb: Client;
  let ordersDb: Client;
  let identityDb: Client;
  let storeId: string;
  const client = identityClient(() => stack);
  const { call } = client;
  const extra: Running[] = [];

  const { product, buyer, stockOf } = shopFixtures(
    client,
    () => catalogDb,
    () => storeId,
  );
  const buyers = async (productId: string, n: number) => {
    const all: Awaited<ReturnType<typeof buyer>>[] = [];
    for (let i = 0; i < n; i += 10) all.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => buyer(productId)))));
    return all;
  };
  const key = () => randomBytes(16).toString('base64url');
  const checkout = (
    b: { user: Account; cartId: string; addressId: string },
    paymentMethod = 'COD',
    idempotencyKey: string | null = key(),
  ) =>
    call('POST', '/checkout', {
      token: b.user.token,
      body: { cartId: b.cartId, shippingAddressId: b.addressId, paymentMethod },
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });
  const reservations = async (productId: string) =>
    (await catalogDb.query('SELECT order_id, status, quantity FROM stock_reservations WHERE product_id = $1', [productId])).rows;
  const ordersOf = async (productId: string) =>
    (
      await ordersDb.query(
        'SELECT o.id, o.status, o.placed_at, i.quantity FROM orders o JOIN order_items i ON i.order_id = o.id WHERE i.product_id = $1',
        [productId],
      )
    ).rows;

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      CHECKOUT_RECOVERY_INTERVAL_SECONDS: '1',
      // Above the longest checkout of the 40-buyer race on a loaded machine: the recovery job deletes an order-less
      // Idempotency-Key row older than this, and a live checkout whose key went is answered 500.
      CHECKOUT_STALE_SECONDS: '10',
      // 40 checkouts at once on a busy 2-core machine can take longer than the stacks' default 3 s per NATS call.
      NATS_REQUEST_TIMEOUT_MS: '10000',
    });
    [catalogDb, ordersDb, identityDb] = [await stack.db('catalog'), await stack.db('orders'), await stack.db('identity')];
    storeId = await insertStore(catalogDb);
  }, 60000);

  afterAll(async () => {
    await Promise.all(extra.map((r) => r.stop()));
    await stack?.stop();
  });

  it('places a COD order (confirmed, stock confirmed, cart completed, placed event) and a GCASH order awaiting payment', async () => {
    const mug = await product(5);
    const b = await buyer(mug, 2);
    const response = await checkout(b);
    const order = await json(response);
    expect([response.status, order.status, order.paymentStatus, order.stockReserved, order.total]).toEqual([
      201,
      'CONFIRMED',
      'PENDING',
      true,
      '44.78',
    ]);
    expect(order.placedAt).not.toBeNull();
    expect(await stockOf(mug)).toBe(3);
    await eventually(
      () => reservations(mug),
      (rows) => rows.length === 1 && rows[0].status === 'CONFIRMED',
    );
    expect((await ordersDb.query('SELECT status, converted_at FROM carts WHERE id = $1', [b.cartId])).rows[0]).toMatchObject({
      status: 'COMPLETED',
      converted_at: expect.any(Date),
    });
    expect(
      (
        await ordersDb.query(
          "SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.orders.order.placed' AND payload->>'orderId' = $1",
          [order.id],
        )
      ).rows[0].n,
    ).toBe(1);
    expect((await json(await call('GET', `/orders/${order.id}`, { token: b.user.token }))).id).toBe(order.id);

    const g = await buyer(mug, 1);
    const pending = await json(await checkout(g, 'GCASH'));
    expect([pending.status, pending.stockReserved]).toEqual(['PENDING', true]);
    expect((await reservations(mug)).filter((r) => r.status === 'RESERVED')).toHaveLength(1);
  });

  it('cancels the order when stock is short: 409 naming the product, invisible in GET /orders, stock untouched', async () => {
    const mug = await product(1);
    const b = await buyer(mug, 1);
    await catalogDb.query('UPDATE products SET stock = 0 WHERE id = $1', [mug]);
    const response = await checkout(b);
    const problem = await json(response);
    expect([
      response.status,
      response.headers.get('content-type'),
      problem.code,
      problem.productIds ?? problem.details?.productIds,
    ]).toEqual([409, expect.stringContaining('problem+json'), 'ORDERS.OUT_OF_STOCK', [mug]]);
    const rows = (
      await ordersDb.query(
        "SELECT o.id, o.status, o.placed_at, h.reason FROM orders o JOIN order_status_history h ON h.order_id = o.id AND h.to_status = 'CANCELLED' WHERE o.user_id = $1",
        [b.user.id],
      )
    ).rows;
    expect(rows).toEqual([expect.objectContaining({ status: 'CANCELLED', placed_at: null, reason: 'out_of_stock' })]);
    expect((await json(await call('GET', '/orders', { token: b.user.token }))).items).toEqual([]);
    expect((await call('GET', `/orders/${rows[0].id}`, { token: b.user.token })).status).toBe(404);
    expect((await ordersDb.query('SELECT status FROM carts WHERE id = $1', [b.cartId])).rows[0].status).toBe('ACTIVE');
  });

  it("refuses a missing Idempotency-Key (400 naming it), another user's address or cart (404), an empty cart (400) and a blocked customer (403)", async () => {
    const mug = await product(5);
    const b = await buyer(mug);
    const missing = await json(await checkout(b, 'COD', null));
    expect([missing.status, JSON.stringify(missing)]).toEqual([400, expect.stringContaining('Idempotency-Key')]);
    const other = await buyer(mug);
    expect((await checkout({ ...b, addressId: other.addressId })).status).toBe(404);
    expect((await checkout({ ...b, cartId: other.cartId })).status).toBe(404);
    const emptied = await json(
      await call(
        'DELETE',
        `/carts/${b.cartId}/items/${(await json(await call('GET', '/carts/current', { token: b.user.token }))).items[0].id}`,
        { token: b.user.token },
      ),
    );
    expect(emptied.items).toEqual([]);
    const empty = await json(await checkout(b));
    expect([empty.status, empty.code]).toEqual([400, 'ORDERS.CART_EMPTY']);
    await ordersDb.query("UPDATE customers SET status = 'BLOCKED' WHERE user_id = $1", [other.user.id]);
    const blocked = await json(await checkout(other));
    expect([blocked.status, blocked.code]).toEqual([403, 'ORDERS.CUSTOMER_BLOCKED']);
  });

  it('answers a retry with the same key and body with the same order, and the same key with another body with 422', async () => {
    const mug = await product(5);
    const b = await buyer(mug);
    const k = key();
    const first = await checkout(b, 'COD', k);
    const again = await checkout(b, 'COD', k);
    const [one, two] = [await json(first), await json(again)];
    expect([first.status, again.status, two.id]).toEqual([201, 201, one.id]);
    expect((await ordersDb.query('SELECT count(*)::int AS n FROM orders WHERE user_id = $1', [b.user.id])).rows[0].n).toBe(1);
    const mismatch = await checkout(b, 'GCASH', k);
    expect([mismatch.status, (await json(mismatch)).code]).toEqual([422, 'ORDERS.IDEMPOTENCY_MISMATCH']);
    expect(await stockOf(mug)).toBe(4);
  });

  const ADDRESS = { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' };
  /** A guest's ACTIVE cart (keyed by its X-Session-Id) holding `quantity` of the product. */
  const guestCart = async (productId: string, quantity = 1) => {
    const sessionId = randomBytes(18).toString('base64url');
    const headers = { 'x-session-id': sessionId };
    const cart = await json(await call('POST', '/carts', { headers }));
    const added = await call('POST', `/carts/${cart.id}/items`, { headers, body: { productId, quantity } });
    if (added.status !== 200) throw new Error(`add answered ${added.status}: ${await added.text()}`);
    return { sessionId, cartId: cart.id as string };
  };
  const guestCheckout = (g: { sessionId?: string; cartId: string }, body: Record<string, unknown>, idempotencyKey = key()) =>
    call('POST', '/checkout', {
      body: { cartId: g.cartId, paymentMethod: 'COD', ...body },
      headers: { 'idempotency-key': idempotencyKey, ...(g.sessionId ? { 'x-session-id': g.sessionId } : {}) },
    });
  const lookup = (orderCode: string, token?: string) =>
    call('GET', `/orders/lookup?orderCode=${orderCode}`, { headers: token ? { 'x-order-token': token } : {} });
  const fieldsOf = (problem: { errors?: { field: string }[] }) => (problem.errors ?? []).map((e) => e.field);

  it('refuses a guest checkout without X-Session-Id, email or address (400 naming each) or with a country it cannot read', async () => {
    const mug = await product(5);
    const g = await guestCart(mug);
    const noSession = await json(await guestCheckout({ cartId: g.cartId }, { email: 'a@example.com', shippingAddress: ADDRESS }));
    expect([noSession.status, noSession.code, fieldsOf(noSession)]).toEqual([400, 'ORDERS.SESSION_REQUIRED', ['sessionId']]);
    const response = await guestCheckout(g, {});
    const nothing = await json(response);
    expect([response.status, response.headers.get('content-type'), nothing.code, fieldsOf(nothing)]).toEqual([
      400,
      expect.stringContaining('problem+json'),
      'ORDERS.GUEST_DETAILS_REQUIRED',
      ['email', 'shippingAddress'],
    ]);
    const noAddress = await json(await guestCheckout(g, { email: 'a@example.com' }));
    expect([noAddress.status, fieldsOf(noAddress)]).toEqual([400, ['shippingAddress']]);
    const narnia = await json(await guestCheckout(g, { email: 'a@example.com', shippingAddress: { ...ADDRESS, country: 'Narnia' } }));
    expect([narnia.status, fieldsOf(narnia)]).toEqual([400, ['shippingAddress.country']]);
    // Another session's cart is not this guest's.
    const other = await guestCart(mug);
    expect((await guestCheckout({ ...other, cartId: g.cartId }, { email: 'a@example.com', shippingAddress: ADDRESS })).status).toBe(404);
    expect(await stockOf(mug)).toBe(5);
    expect((await ordersDb.query("SELECT count(*)::int AS n FROM orders WHERE guest_email = 'a@example.com'")).rows[0].n).toBe(0);
  });

  it('checks a guest out (email and token hash stored, stock reserved), opens the order by code and token only, replays the key, and joins the account that verifies the email', async () => {
    const mug = await product(5);
    const g = await guestCart(mug, 2);
    const email = `Guest-${Date.now()}@Example.com`;
    const body = { email, shippingAddress: { ...ADDRESS, country: 'Philippines' } };
    const k = key();
    const response = await guestCheckout(g, body, k);
    const order = await json(response);
    expect([response.status, order.status, order.userId, order.guestEmail, order.stockReserved, order.total]).toEqual([
      201,
      'CONFIRMED',
      null,
      email.toLowerCase(),
      true,
      '44.78',
    ]);
    expect(order.shippingAddress).toMatchObject({ ...ADDRESS, country: 'Philippines', company: null });
    expect(order.lookupToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await stockOf(mug)).toBe(3);
    await eventually(
      () => reservations(mug),
      (rows) => rows.length === 1 && rows[0].order_id === order.id && rows[0].status === 'CONFIRMED',
    );
    const stored = (
      await ordersDb.query('SELECT user_id, customer_id, guest_email, guest_token_hash FROM orders WHERE id = $1', [order.id])
    ).rows[0];
    expect(stored).toEqual({
      user_id: null,
      customer_id: null,
      guest_email: email.toLowerCase(),
      guest_token_hash: createHash('sha256').update(order.lookupToken).digest('hex'),
    });
    expect((await ordersDb.query('SELECT status FROM carts WHERE id = $1', [g.cartId])).rows[0].status).toBe('COMPLETED');

    // The order opens with its code and token; a wrong token, an unknown code and no token at all do not tell it exists.
    const found = await lookup(order.orderCode, order.lookupToken);
    expect([found.status, (await json(found)).id]).toEqual([200, order.id]);
    const wrong = await lookup(order.orderCode, randomBytes(32).toString('base64url'));
    const unknown = await lookup('AAAAAAAAA', order.lookupToken);
    expect([wrong.status, unknown.status, (await json(wrong)).code, (await json(unknown)).code]).toEqual([
      404,
      404,
      'ORDERS.ORDER_NOT_FOUND',
      'ORDERS.ORDER_NOT_FOUND',
    ]);
    expect((await lookup(order.orderCode)).status).toBe(400);

    // A retry with the same key and body: the same order, a fresh token (only hashes are kept); nothing reserved twice.
    const again = await json(await guestCheckout(g, body, k));
    expect([again.id, again.lookupToken === order.lookupToken]).toEqual([order.id, false]);
    expect([(await lookup(order.orderCode, order.lookupToken)).status, (await lookup(order.orderCode, again.lookupToken)).status]).toEqual([
      404, 200,
    ]);
    const mismatch = await guestCheckout(g, { ...body, paymentMethod: 'GCASH' }, k);
    expect([mismatch.status, (await json(mismatch)).code]).toEqual([422, 'ORDERS.IDEMPOTENCY_MISMATCH']);
    expect(await stockOf(mug)).toBe(3);
    expect((await ordersDb.query('SELECT count(*)::int AS n FROM orders WHERE guest_email = $1', [email.toLowerCase()])).rows[0].n).toBe(1);

    // Another account cannot open it by id.
    const stranger = await buyer(mug);
    expect((await call('GET', `/orders/${order.id}`, { token: stranger.user.token })).status).toBe(404);

    // Registering with the email is not enough: anyone can register any address. Verifying it joins the order.
    const registered = await call('POST', '/auth/register', { body: { email: email.toUpperCase(), password: 'Shiitake#Grow42' } });
    expect(registered.status).toBe(201);
    const userId = (await json(registered)).id as string;
    const token = await client.signIn(email.toLowerCase());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await json(await call('GET', '/orders', { token }))).items).toEqual([]);
    await identityDb.query(
      "UPDATE users SET email_verification_code = $2, email_verification_code_expiry = now() + interval '10 minutes' WHERE id = $1",
      [userId, createHash('sha256').update('246810').digest('hex')],
    );
    const verified = await call('POST', '/auth/verify-email', { body: { email, code: '246810' } });
    expect(verified.status).toBe(200);
    const mine = await eventually(
      () => call('GET', '/orders', { token }).then(json),
      (page) => page.items?.length === 1,
      15000,
    );
    expect([mine.items[0].id, mine.items[0].userId]).toEqual([order.id, userId]);
    expect((await call('GET', `/orders/${order.id}`, { token })).status).toBe(200);
    expect((await ordersDb.query('SELECT user_id FROM orders WHERE id = $1', [order.id])).rows[0].user_id).toBe(userId);
  });

  it('lets a signed-in buyer ship to an inline address and save it to their address book, once the order is placed', async () => {
    const mug = await product(5);
    const b = await buyer(mug);
    const inline = { ...ADDRESS, street1: '9 Ayala Ave', country: 'PH' };
    const both = await json(
      await call('POST', '/checkout', {
        token: b.user.token,
        body: { cartId: b.cartId, shippingAddressId: b.addressId, shippingAddress: inline, paymentMethod: 'COD' },
        headers: { 'idempotency-key': key() },
      }),
    );
    expect([both.status, both.code, fieldsOf(both)]).toEqual([400, 'ORDERS.ADDRESS_AMBIGUOUS', ['shippingAddress']]);
    const none = await json(
      await call('POST', '/checkout', {
        token: b.user.token,
        body: { cartId: b.cartId, paymentMethod: 'COD' },
        headers: { 'idempotency-key': key() },
      }),
    );
    expect([none.status, fieldsOf(none)]).toEqual([400, ['shippingAddressId']]);
    const response = await call('POST', '/checkout', {
      token: b.user.token,
      body: { cartId: b.cartId, shippingAddress: inline, saveAddress: true, paymentMethod: 'COD' },
      headers: { 'idempotency-key': key() },
    });
    const order = await json(response);
    expect([response.status, order.userId, order.lookupToken, order.guestEmail]).toEqual([201, b.user.id, undefined, undefined]);
    expect(order.shippingAddress).toMatchObject({ street1: '9 Ayala Ave', country: 'PH' });
    const book = await json(await call('GET', '/customers/me/addresses', { token: b.user.token }));
    expect(book.map((a: { street1: string; isDefault: boolean }) => [a.street1, a.isDefault]).sort()).toEqual([
      ['1 Rizal St', false],
      ['9 Ayala Ave', false],
    ]);
  });

  it('sells exactly the 10 units of a product to 40 concurrent buyers', async () => {
    const mug = await product(10);
    const all = await buyers(mug, 40);
    const responses = await Promise.all(all.map((b) => checkout(b)));
    const bodies = await Promise.all(responses.map(json));
    const statuses = responses.map((r) => r.status);
    const byStatus: Record<number, number> = {};
    for (const status of statuses) byStatus[status] = (byStatus[status] ?? 0) + 1;
    expect(byStatus).toEqual({ 201: 10, 409: 30 });
    expect(bodies.filter((b) => b.status === 409 || b.code).every((b) => b.code === 'ORDERS.OUT_OF_STOCK')).toBe(true);
    expect(await stockOf(mug)).toBe(0);
    const held = (await reservations(mug)).filter((r) => r.status === 'RESERVED' || r.status === 'CONFIRMED');
    const placed = (await ordersOf(mug)).filter((o) => o.placed_at !== null);
    expect([held.length, placed.length]).toEqual([10, 10]);
    expect(held.map((r) => r.order_id).sort()).toEqual(placed.map((o) => o.id).sort());
    expect((await ordersOf(mug)).filter((o) => o.placed_at === null && o.status !== 'CANCELLED')).toEqual([]);
  }, 120000);

  it('recovers checkouts interrupted by killing the orders process: no stock held for an unplaced order', async () => {
    const mug = await product(30);
    // Requests the killed process had taken are answered by the gateway's timeout only: awaited at the end.
    const inFlight: Promise<unknown>[] = [];
    for (let round = 0; round < 2; round++) {
      const all = await buyers(mug, 12);
      inFlight.push(...all.map((b) => checkout(b, 'GCASH').catch(() => undefined)));
      // Kill as soon as the first order of the round exists: the others are between their steps.
      const before = (await ordersOf(mug)).length;
      const deadline = Date.now() + 10000;
      while ((await ordersOf(mug)).length === before && Date.now() < deadline); // tight: 200 ms polls would miss the window
      const orders = round === 0 ? stack.services.orders : extra[extra.length - 1];
      orders.child.kill('SIGKILL');
      extra.push(startService('orders', { ...stack.env, PORT: String(await freePort()) }));
      await eventually(
        () => fetch(`${stack.base}/health`).then(json),
        (h) => h.services?.orders?.status === 'up',
        30000,
      );
      const settled = async () => {
        const rows = await ordersOf(mug);
        const held = (await reservations(mug)).filter((r) => r.status === 'RESERVED' || r.status === 'CONFIRMED');
        return { rows, held, stock: await stockOf(mug) };
      };
      const state = await eventually(
        settled,
        (s) =>
          s.rows.every((o) => o.placed_at !== null || o.status === 'CANCELLED') &&
          s.held.every((r) => s.rows.some((o) => o.id === r.order_id && o.placed_at !== null)),
        30000,
      );
      const placed = state.rows.filter((o) => o.placed_at !== null);
      expect(state.held.map((r) => r.order_id).sort()).toEqual(placed.map((o) => o.id).sort());
      expect(state.stock + placed.reduce((n, o) => n + o.quantity, 0)).toBe(30);
      const reasons = (
        await ordersDb.query(
          "SELECT DISTINCT h.reason FROM orders o JOIN order_items i ON i.order_id = o.id JOIN order_status_history h ON h.order_id = o.id AND h.to_status = 'CANCELLED' WHERE i.product_id = $1",
          [mug],
        )
      ).rows;
      expect(reasons.filter((r) => r.reason !== 'checkout_interrupted')).toEqual([]);
    }
    await Promise.all(inFlight);
  }, 180000);
});
