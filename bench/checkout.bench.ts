import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool, PoolClient } from 'pg';
import { databaseUrlFor } from '@suite/platform';
import { startStack } from '@suite/platform/testing';
import { LoadOptions, measure, ratio } from './lib/measure';

const ROOT = { email: 'root@bench.test', password: 'Admin#Secret2026' };
const PASSWORD = 'Shiitake#Grow42';
const ADDRESS = { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' };
/** One unit as the cart API stores it: price snapshot 19.99, tax 12% of the subtotal (TAX_RATE) = 2.40, total 22.39. */
const LINE = { name: 'Oyster mug', price: '19.99', tax: '2.40', total: '22.39' };
/** Huge, so neither run can sell out: a 409 would end measure() (every call must succeed). */
const STOCK = 10_000_000;
/**
 * Carts are consumed one per checkout, so they are prepared before timing for this many calls per
 * second of warmup + duration: about 3x what each run reached here (2 cores: checkout up to ~150/s, raw 400-800/s; the +1 below is the acceptance call).
 */
const RATE = { checkout: 450, raw: 2500 };

interface Buyer {
  userId: string;
  customerId: string | null;
  token: string;
  addressId: string;
}
interface PreparedCart {
  cartId: string;
  buyer: Buyer;
  productId: string;
}
/** Products the "many SKUs" runs spread their checkouts over (one hot SKU is the other case). */
const SKUS = 200;

/**
 * Checkout through the whole edge (HTTP -> gateway -> orders: idempotency key, draft order, reserve
 * in catalog over NATS, place, confirm) against the same rows written straight on two pg Pools.
 */
export async function checkoutBench(load: LoadOptions): Promise<string[]> {
  const stack = await startStack(['identity', 'catalog', 'orders'], {
    LOG_LEVEL: 'warn',
    SEED_ADMIN_EMAIL: ROOT.email,
    SEED_ADMIN_PASSWORD: ROOT.password,
  });
  const catalogPool = new Pool({ connectionString: databaseUrlFor('catalog', stack.env), max: 10 });
  const ordersPool = new Pool({ connectionString: databaseUrlFor('orders', stack.env), max: 10 });
  try {
    const [catalogDb, ordersDb] = [await stack.db('catalog'), await stack.db('orders')];
    // The subject's products and the baseline's apart, so the invariants below count the subject's orders and stock alone.
    const [product, rawProduct] = [randomUUID(), randomUUID()];
    const manyProducts = Array.from({ length: SKUS }, () => randomUUID());
    const manyRawProducts = Array.from({ length: SKUS }, () => randomUUID());
    const subjectProducts = [product, ...manyProducts];
    await catalogDb.query(
      `WITH store AS (INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES (gen_random_uuid(), gen_random_uuid(), 'Bench shop', 'SHOPIFY', now()) RETURNING id)
       INSERT INTO products (id, store_id, name, sku, slug, price, stock, max_cart_qty, status, updated_at)
       SELECT p.id, store.id, $2, 'BENCH-' || p.id, 'bench-' || p.id, $3, $4, 10, 'ACTIVE', now() FROM store, unnest($1::uuid[]) AS p(id)`,
      [[product, rawProduct, ...manyProducts, ...manyRawProducts], LINE.name, LINE.price, STOCK],
    );
    const buyers = await signUpBuyers(stack.base, ordersDb, load.concurrency);
    const seconds = ((load.warmupMs ?? 1000) + load.durationMs) / 1000;
    const carts = {
      checkout: await prepareCarts(ordersDb, buyers, [product], Math.ceil(RATE.checkout * seconds) + 1),
      raw: await prepareCarts(ordersDb, buyers, [rawProduct], Math.ceil(RATE.raw * seconds)),
      manyCheckout: await prepareCarts(ordersDb, buyers, manyProducts, Math.ceil(RATE.checkout * seconds)),
      manyRaw: await prepareCarts(ordersDb, buyers, manyRawProducts, Math.ceil(RATE.raw * seconds)),
    };

    let placed = 0;
    const checkoutFrom = (take: () => PreparedCart) => async () => {
      const { cartId, buyer } = take();
      const response = await fetch(`${stack.base}/api/v1/checkout`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${buyer.token}`,
          'idempotency-key': randomBytes(16).toString('base64url'),
        },
        body: JSON.stringify({ cartId, shippingAddressId: buyer.addressId, paymentMethod: 'COD' }),
      });
      if (response.status !== 201) throw new Error(`checkout answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      placed++;
    };
    const checkout = checkoutFrom(carts.checkout);
    // A cart written by SQL must be one the checkout accepts: one call before any timing.
    await checkout();

    let rawOrders = 0;
    const rawFrom = (take: () => PreparedCart) => async () => {
      const { cartId, buyer, productId: rawProduct } = take();
      const orderId = randomUUID();
      // Catalog first, as the saga reserves before it places. CONFIRMED directly: the end state of a COD reservation.
      await inTransaction(catalogPool, async (c) => {
        const taken = await c.query('UPDATE products SET stock = stock - 1, updated_at = now() WHERE id = $1 AND stock >= 1', [rawProduct]);
        if (taken.rowCount !== 1) throw new Error('raw baseline: product out of stock');
        await c.query(
          `INSERT INTO stock_reservations (id, order_id, product_id, quantity, status, expires_at, updated_at) VALUES (gen_random_uuid(), $1, $2, 1, 'CONFIRMED', now() + interval '15 minutes', now())`,
          [orderId, rawProduct],
        );
      });
      await inTransaction(ordersPool, async (c) => {
        const address = JSON.stringify({ ...ADDRESS, company: null, street2: null, country: 'Philippines', phoneNumber: null });
        await c.query(
          `INSERT INTO orders (id, order_code, order_number, user_id, customer_id, channel, status, payment_status, payment_method, subtotal, tax, total, currency, shipping_address, billing_address, stock_reserved, metadata, placed_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'WEB', 'CONFIRMED', 'PENDING', 'COD', $6, $7, $8, 'PHP', $9, $9, true, $10, now(), now())`,
          [
            orderId,
            randomBytes(7).toString('base64url').slice(0, 9),
            `RAW-${++rawOrders}`,
            buyer.userId,
            buyer.customerId,
            LINE.price,
            LINE.tax,
            LINE.total,
            address,
            JSON.stringify({ cartId }),
          ],
        );
        await c.query(
          `INSERT INTO order_items (id, order_id, product_id, sku, name, quantity, price, total, product_snapshot) VALUES (gen_random_uuid(), $1, $2, $3, $4, 1, $5, $5, $6)`,
          [
            orderId,
            rawProduct,
            `BENCH-${rawProduct}`,
            LINE.name,
            LINE.price,
            JSON.stringify({ name: LINE.name, sku: `BENCH-${rawProduct}`, variantId: null }),
          ],
        );
        await c.query(
          `INSERT INTO order_status_history (id, order_id, from_status, to_status, actor_id, reason) VALUES (gen_random_uuid(), $1, 'PENDING', 'CONFIRMED', $2, 'cash_on_delivery')`,
          [orderId, buyer.userId],
        );
        // Marked published: the orders relay must not spend the run publishing events of orders the app never placed.
        await c.query(
          `INSERT INTO outbox_event (id, subject, payload, headers, published_at) VALUES (gen_random_uuid(), 'evt.orders.order.placed', $1, '{}', now())`,
          [JSON.stringify({ orderId, total: LINE.total, currency: 'PHP' })],
        );
        const completed = await c.query(
          `UPDATE carts SET status = 'COMPLETED', converted_at = now(), updated_at = now() WHERE id = $1 AND status = 'ACTIVE'`,
          [cartId],
        );
        if (completed.rowCount !== 1) throw new Error(`raw baseline: cart ${cartId} not ACTIVE`);
      });
    };

    // The subject first: the checkout scans unplaced orders, so the baseline's rows must not be in the table yet.
    const subject = await measure('POST /checkout (COD, 1 unit, one hot SKU)', checkout, load);
    const many = await measure(`POST /checkout (COD, 1 unit, ${SKUS} SKUs)`, checkoutFrom(carts.manyCheckout), load);
    const baseline = await measure('raw pg: reserve + order rows, one SKU', rawFrom(carts.raw), load);
    const manyBaseline = await measure(`raw pg: reserve + order rows, ${SKUS} SKUs`, rawFrom(carts.manyRaw), load);

    // Cheap invariants: every 201 placed exactly one order and took exactly one unit; COD confirmed every reservation.
    const orders = Number(
      (
        await ordersDb.query(
          'SELECT count(*) AS n FROM orders o JOIN order_items i ON i.order_id = o.id WHERE i.product_id = ANY($1::uuid[]) AND o.placed_at IS NOT NULL',
          [subjectProducts],
        )
      ).rows[0].n,
    );
    const stock = Number(
      (await catalogDb.query('SELECT sum(stock) AS stock FROM products WHERE id = ANY($1::uuid[])', [subjectProducts])).rows[0].stock,
    );
    const reserved = Number(
      (
        await catalogDb.query(`SELECT count(*) AS n FROM stock_reservations WHERE product_id = ANY($1::uuid[]) AND status = 'RESERVED'`, [
          subjectProducts,
        ])
      ).rows[0].n,
    );
    const checked = `checked: ${orders} orders for ${placed} checkouts, stock -${STOCK * subjectProducts.length - stock}, ${reserved} reservations left RESERVED`;
    const stockTaken = STOCK * subjectProducts.length - stock;
    if (orders !== placed || stockTaken !== placed || reserved !== 0) throw new Error(`checkout invariants broken: ${checked}`);
    const [hot, spread] = [subject.opsPerSecond / baseline.opsPerSecond, many.opsPerSecond / manyBaseline.opsPerSecond];
    return [
      ratio(subject, baseline),
      ratio(many, manyBaseline),
      checked,
      `targets: ${SKUS} SKUs x${spread.toFixed(2)} of raw (>= x0.3: ${spread >= 0.3 ? 'met' : 'NOT met'}), one hot SKU x${hot.toFixed(2)} (>= x0.15: ${hot >= 0.15 ? 'met' : 'NOT met'})`,
    ];
  } finally {
    await catalogPool.end();
    await ordersPool.end();
    await stack.stop();
  }
}

/** `n` buyers through the gateway (register, log in, one address), a few at a time: argon2 is CPU-bound. */
async function signUpBuyers(base: string, ordersDb: Client, n: number): Promise<Buyer[]> {
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const one = async (i: number): Promise<Buyer> => {
    const email = `buyer${i}-${Date.now()}@bench.test`;
    const { id } = await post<{ id: string }>('/auth/register', { email, password: PASSWORD });
    const { accessToken } = await post<{ accessToken: string }>('/auth/login', { email, password: PASSWORD });
    const address = await post<{ id: string }>('/customers/me/addresses', ADDRESS, accessToken);
    return { userId: id, customerId: null, token: accessToken, addressId: address.id };
  };
  const buyers: Buyer[] = [];
  for (let i = 0; i < n; i += 4) buyers.push(...(await Promise.all(Array.from({ length: Math.min(4, n - i) }, (_, j) => one(i + j)))));
  // The address created the customer row: the raw orders name it as the checkout does.
  const customers = await ordersDb.query('SELECT user_id::text AS user_id, id::text AS id FROM customers WHERE user_id = ANY($1::uuid[])', [
    buyers.map((b) => b.userId),
  ]);
  for (const row of customers.rows) buyers.find((b) => b.userId === row.user_id)!.customerId = row.id;
  return buyers;
}

/**
 * `count` ACTIVE carts of one unit of the product, round-robin over the buyers, in one statement,
 * with what the cart API stores (price snapshot, line and cart totals). Returns a taker that hands
 * out each cart once and fails clearly when the run outlasts them.
 */
async function prepareCarts(ordersDb: Client, buyers: Buyer[], productIds: string[], count: number): Promise<() => PreparedCart> {
  const { rows } = await ordersDb.query<{ id: string; user_id: string; product_id: string }>(
    `WITH carts AS (
       INSERT INTO carts (id, user_id, status, currency, subtotal, tax, total, updated_at)
       SELECT gen_random_uuid(), ($1::uuid[])[1 + g % cardinality($1::uuid[])], 'ACTIVE', 'PHP', $4, $5, $6, now() FROM generate_series(0, $2 - 1) AS g
       RETURNING id, user_id),
     numbered AS (SELECT id, user_id, row_number() OVER () AS n FROM carts),
     items AS (
       INSERT INTO cart_items (id, cart_id, product_id, quantity, price, original_price, subtotal, total, product_snapshot, updated_at)
       SELECT gen_random_uuid(), numbered.id, ($3::uuid[])[1 + numbered.n % cardinality($3::uuid[])], 1, $4, $4, $4, $4,
              jsonb_build_object('name', $7::text, 'sku', 'BENCH-' || ($3::uuid[])[1 + numbered.n % cardinality($3::uuid[])]), now()
       FROM numbered
       RETURNING cart_id, product_id)
     SELECT items.cart_id::text AS id, numbered.user_id::text AS user_id, items.product_id::text AS product_id
     FROM items JOIN numbered ON numbered.id = items.cart_id`,
    [buyers.map((b) => b.userId), count, productIds, LINE.price, LINE.tax, LINE.total, LINE.name],
  );
  const byUser = new Map(buyers.map((b) => [b.userId, b]));
  let next = 0;
  return () => {
    if (next >= rows.length)
      throw new Error(`checkout bench: all ${rows.length} prepared carts used; raise RATE in bench/checkout.bench.ts`);
    const row = rows[next++];
    return { cartId: row.id, buyer: byUser.get(row.user_id)!, productId: row.product_id };
  };
}

async function inTransaction(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
