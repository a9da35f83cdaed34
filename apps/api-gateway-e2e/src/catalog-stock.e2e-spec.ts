import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { StockConfirm, StockRelease, StockReserve } from '@suite/contracts/catalog';
import type { Operation } from '@suite/contracts/core';
import { eventually } from './processes';
import { Stack, startStack } from './stack';

interface Reply {
  response?: any;
  err?: { code: string; kind: string; details?: Record<string, unknown> };
}

/** Stock reservations as the orders service makes them: NATS requests in the NestJS packet format, no HTTP. */
describe('catalog stock reservations over NATS', () => {
  let stack: Stack;
  let db: Client;
  let storeId: string;

  const rpc = async <Req>({ subject }: Operation<Req>, data: Req): Promise<Reply> => {
    const msg = await stack.nc.request(subject, JSON.stringify({ pattern: subject, data, id: randomUUID() }), { timeout: 20000 });
    return JSON.parse(new TextDecoder().decode(msg.data));
  };
  const reserve = (orderId: string, items: { productId: string; variantId?: string; quantity: number }[]) =>
    rpc(StockReserve, { orderId, items });
  const product = async (stock: number, minStock = 0): Promise<string> => {
    const id = randomUUID();
    await db.query(
      "INSERT INTO products (id, store_id, name, slug, price, stock, min_stock, status, updated_at) VALUES ($1, $2, 'Oyster kit', $3, 19.99, $4, $5, 'ACTIVE', now())",
      [id, storeId, `kit-${id}`, stock, minStock],
    );
    return id;
  };
  const stockOf = async (id: string): Promise<number> => (await db.query('SELECT stock FROM products WHERE id = $1', [id])).rows[0].stock;
  const statuses = async (orderId: string): Promise<string[]> =>
    (await db.query('SELECT status FROM stock_reservations WHERE order_id = $1 ORDER BY product_id', [orderId])).rows.map((r) => r.status);

  beforeAll(async () => {
    stack = await startStack(['catalog']);
    db = await stack.db('catalog');
    storeId = randomUUID();
    await db.query("INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES ($1, $2, 'Spores', 'SHOPIFY', now())", [
      storeId,
      randomUUID(),
    ]);
  });

  afterAll(() => stack?.stop());

  it('never oversells: 50 concurrent one-unit orders for 10 units -> 10 reserved, 40 OUT_OF_STOCK, stock 0', async () => {
    const productId = await product(10);
    const orders = Array.from({ length: 50 }, () => randomUUID());
    const replies = await Promise.all(orders.map((orderId) => reserve(orderId, [{ productId, quantity: 1 }])));
    const won = replies.filter((r) => r.response);
    const refused = replies.filter((r) => r.err);
    expect([won.length, refused.length]).toEqual([10, 40]);
    for (const r of refused)
      expect(r.err).toMatchObject({ code: 'CATALOG.OUT_OF_STOCK', kind: 'conflict', details: { productIds: [productId] } });
    expect(await stockOf(productId)).toBe(0);
    const rows = await db.query("SELECT count(*)::int AS n FROM stock_reservations WHERE product_id = $1 AND status = 'RESERVED'", [
      productId,
    ]);
    expect(rows.rows[0].n).toBe(10);

    // Retrying a successful order (the orders service timed out, say) answers the same reservation and takes nothing.
    const winner = won[0].response;
    const retries = await Promise.all([1, 2, 3].map(() => reserve(winner.orderId, [{ productId, quantity: 1 }])));
    for (const retry of retries) expect(retry.response).toEqual(winner);
    expect(await stockOf(productId)).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM stock_reservations WHERE order_id = $1', [winner.orderId])).rows[0].n).toBe(1);
  });

  it('reserves every item or none, and announces low stock', async () => {
    const [plenty, scarce] = [await product(20, 15), await product(1)];
    const orderId = randomUUID();
    const short = await reserve(orderId, [
      { productId: plenty, quantity: 3 },
      { productId: scarce, quantity: 2 },
    ]);
    expect(short.err).toMatchObject({ code: 'CATALOG.OUT_OF_STOCK', details: { productIds: [scarce] } });
    expect([await stockOf(plenty), await stockOf(scarce)]).toEqual([20, 1]);
    expect(await statuses(orderId)).toEqual([]);

    const ok = await reserve(orderId, [
      { productId: plenty, quantity: 3 },
      { productId: plenty, quantity: 2 },
      { productId: scarce, quantity: 1 },
    ]);
    expect(
      ok.response.items.map((i: { productId: string; quantity: number; status: string }) => [i.productId, i.quantity, i.status]).sort(),
    ).toEqual(
      [
        [plenty, 5, 'RESERVED'],
        [scarce, 1, 'RESERVED'],
      ].sort(),
    );
    expect([await stockOf(plenty), await stockOf(scarce)]).toEqual([15, 0]);
    const low = await db.query("SELECT payload FROM outbox_event WHERE subject = 'evt.catalog.stock.low' AND payload->>'productId' = $1", [
      plenty,
    ]);
    expect(low.rows.map((r) => r.payload)).toEqual([{ productId: plenty, stock: 15, minStock: 15 }]);
  });

  it('answers concurrent duplicates of a new order with one reservation, and takes variant units from the variant', async () => {
    const productId = await product(10);
    const variantId = randomUUID();
    await db.query(
      "INSERT INTO system_variants (id, code, product_id, size, price, stock, updated_at) VALUES ($1, $2, $3, 'L', 21.00, 2, now())",
      [variantId, variantId.slice(0, 5), productId],
    );
    const orderId = randomUUID();
    const items = [
      { productId, quantity: 1 },
      { productId, variantId, quantity: 2 },
    ];
    const replies = await Promise.all(Array.from({ length: 5 }, () => reserve(orderId, items)));
    for (const r of replies) expect(r.response).toEqual(replies[0].response);
    expect(await stockOf(productId)).toBe(9);
    expect((await db.query('SELECT stock FROM system_variants WHERE id = $1', [variantId])).rows[0].stock).toBe(0);
    expect(await statuses(orderId)).toEqual(['RESERVED', 'RESERVED']);
    expect((await reserve(randomUUID(), [{ productId, variantId, quantity: 1 }])).err).toMatchObject({
      code: 'CATALOG.OUT_OF_STOCK',
      details: { productIds: [productId] },
    });
    await rpc(StockRelease, { orderId });
    expect([
      await stockOf(productId),
      (await db.query('SELECT stock FROM system_variants WHERE id = $1', [variantId])).rows[0].stock,
    ]).toEqual([10, 2]);
  });

  it('confirms (stock stays taken), releases (stock returns, once) and refuses unknown orders', async () => {
    const productId = await product(5);
    const [kept, cancelled] = [randomUUID(), randomUUID()];
    expect((await reserve(kept, [{ productId, quantity: 2 }])).response).toBeDefined();
    expect((await reserve(cancelled, [{ productId, quantity: 3 }])).response).toBeDefined();
    expect(await stockOf(productId)).toBe(0);

    expect((await rpc(StockConfirm, { orderId: kept })).response.items[0].status).toBe('CONFIRMED');
    expect(await stockOf(productId)).toBe(0);
    for (let i = 0; i < 2; i++) expect((await rpc(StockRelease, { orderId: cancelled })).response.items[0].status).toBe('RELEASED');
    expect(await stockOf(productId)).toBe(3);
    // Releasing a confirmed order is its cancellation: the units come back too.
    await rpc(StockRelease, { orderId: kept });
    expect(await stockOf(productId)).toBe(5);
    expect((await rpc(StockConfirm, { orderId: kept })).err).toMatchObject({ code: 'CATALOG.RESERVATION_NOT_ACTIVE' });
    expect((await rpc(StockRelease, { orderId: randomUUID() })).err).toMatchObject({
      code: 'CATALOG.RESERVATION_NOT_FOUND',
      kind: 'not_found',
    });
    expect((await reserve('not-a-uuid', [{ productId, quantity: 0 }])).err).toMatchObject({ kind: 'invalid' });
  });

  it('returns the stock of reservations past their expiry (the job) and marks them EXPIRED', async () => {
    const productId = await product(4);
    const [expiring, fresh] = [randomUUID(), randomUUID()];
    await reserve(expiring, [{ productId, quantity: 3 }]);
    await reserve(fresh, [{ productId, quantity: 1 }]);
    expect(await stockOf(productId)).toBe(0);
    await db.query("UPDATE stock_reservations SET expires_at = now() - interval '1 second' WHERE order_id = $1", [expiring]);
    await eventually(
      () => statuses(expiring),
      (s) => s[0] === 'EXPIRED',
      15000,
    );
    expect(await stockOf(productId)).toBe(3);
    expect(await statuses(fresh)).toEqual(['RESERVED']);
    expect((await rpc(StockConfirm, { orderId: expiring })).err).toMatchObject({ code: 'CATALOG.RESERVATION_NOT_ACTIVE' });
  });
});
