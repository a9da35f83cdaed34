import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OrdersSubjects } from '@suite/contracts/orders';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { productFixtures } from './product-fixtures';
import { json, Stack, startStack } from './stack';

// The orders service's mapper fixtures, read as files: the e2e project imports no app code.
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../../orders/src/import/fixtures', `${name}.json`), 'utf8'));
const [shopify, tiktok, etsy, amazon, woocommerce] = ['shopify', 'tiktok-shop', 'etsy', 'amazon', 'woocommerce'].map(fixture);

/** Each platform's fixture, the SKUs it orders and the platform order id it carries. */
const PLATFORMS: { platform: string; fixture: Record<string, unknown>; skus: string[]; platformOrderId: string; total: string }[] = [
  {
    platform: 'SHOPIFY',
    fixture: shopify,
    skus: ['SHOP-TEE-OYS-BLK-M', 'SHOP-MUG-SHI-11'],
    platformOrderId: '5678901234567',
    total: '60.92',
  },
  {
    platform: 'TIKTOK_SHOP',
    fixture: tiktok,
    skus: ['TTS-TOTE-LIO-NAT', 'TTS-CAP-ENO-BLK'],
    platformOrderId: '576461413038785752',
    total: '59.97',
  },
  { platform: 'ETSY', fixture: etsy, skus: ['ETSY-PST-SHI-A3', 'ETSY-STK-MUS-SET'], platformOrderId: '3301234567', total: '38.05' },
  {
    platform: 'AMAZON',
    fixture: amazon,
    skus: ['AMZ-KIT-OYS-GRW', 'AMZ-BAG-GRW-5PK'],
    platformOrderId: '113-4567890-1234567',
    total: '49.92',
  },
  { platform: 'WOOCOMMERCE', fixture: woocommerce, skus: ['WOO-HOD-CHS-L', 'WOO-PIN-ENA-SET'], platformOrderId: '727', total: '1938.64' },
];

/** Marketplace import, listing, visibility and cancel through the gateway, checked against the orders and catalog databases. */
describe('orders core through the gateway', () => {
  let stack: Stack;
  let catalog: Client;
  let orders: Client;
  let seller: Account;
  let stranger: Account;
  let buyer: Account;
  const stores: Record<string, string> = {};
  const products: Record<string, string> = {};
  const imported: Record<string, any> = {};
  const identity = identityClient(() => stack);
  const { call, account, root } = identity;
  const { teamWithStore } = productFixtures(identity, () => catalog);

  const importOrder = (platform: string, body: unknown, token = seller.token) =>
    call('POST', `/orders/import/${stores[platform]}`, { token, body });
  const count = async (sql: string, params: unknown[]) => (await orders.query(sql, params)).rows[0].n as number;

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    [catalog, orders] = [await stack.db('catalog'), await stack.db('orders')];
    [seller, stranger, buyer] = [
      await account(['SELLER'], 'seller'),
      await account(['SELLER'], 'stranger'),
      await account(['USER'], 'buyer'),
    ];
    stores.SHOPIFY = await teamWithStore(seller);
    await teamWithStore(stranger);
    const { team_id: teamId } = (await catalog.query('SELECT team_id FROM stores WHERE id = $1', [stores.SHOPIFY])).rows[0];
    for (const { platform, skus } of PLATFORMS) {
      if (platform !== 'SHOPIFY') {
        stores[platform] = (
          await catalog.query(
            `INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES (gen_random_uuid(), $1, $2, $3::"Platform", now()) RETURNING id`,
            [teamId, `${platform} shop`, platform],
          )
        ).rows[0].id;
      }
      for (const sku of skus) {
        const row = await catalog.query(
          `INSERT INTO products (id, store_id, sku, name, slug, price, stock, status, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, 10.00, 50, 'ACTIVE', now()) RETURNING id`,
          [stores[platform], sku, `Product ${sku}`, sku.toLowerCase()],
        );
        products[sku] = row.rows[0].id;
      }
    }
  });

  afterAll(() => stack?.stop());

  it.each(PLATFORMS.map((p) => [p.platform, p] as const))(
    'imports a %s order: codes, resolved items, CONFIRMED with history, placed event',
    async (platform, { fixture, skus, platformOrderId, total }) => {
      const response = await importOrder(platform, fixture);
      expect(response.status).toBe(201);
      const order = await json(response);
      imported[platform] = order;
      expect(order).toMatchObject({
        storeId: stores[platform],
        channel: platform,
        platformOrderId,
        status: 'CONFIRMED',
        paymentStatus: 'PAID',
        total,
      });
      expect(order.orderCode).toMatch(/^[A-HJKMNP-Z2-9]{9}$/);
      expect(order.orderNumber).toMatch(/^ORD-\d{4}-\d{6}$/);
      expect(order.items.map((i: { sku: string; productId: string }) => [i.sku, i.productId]).sort()).toEqual(
        skus.map((s) => [s, products[s]]).sort(),
      );
      expect(order.statusHistory).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'CONFIRMED', actorId: seller.id })]);
      expect(await count('SELECT count(*)::int AS n FROM order_status_history WHERE order_id = $1', [order.id])).toBe(1);
      const events = await orders.query(
        `SELECT payload FROM outbox_event WHERE subject = 'evt.orders.order.placed' AND payload->>'orderId' = $1`,
        [order.id],
      );
      expect(events.rows.map((r) => r.payload)).toEqual([
        expect.objectContaining({ orderCode: order.orderCode, orderNumber: order.orderNumber, total }),
      ]);
    },
  );

  it('imports the same platform order once, also when five imports race', async () => {
    const again = await importOrder('SHOPIFY', shopify);
    expect([again.status, (await json(again)).id]).toEqual([201, imported.SHOPIFY.id]);
    const copy = structuredClone(etsy) as Record<string, unknown>;
    copy.receipt_id = 3301239999;
    const raced = await Promise.all(Array.from({ length: 5 }, () => importOrder('ETSY', copy)));
    expect(raced.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(await Promise.all(raced.map(async (r) => (await json(r)).id)));
    expect(ids.size).toBe(1);
    expect(
      await count('SELECT count(*)::int AS n FROM orders WHERE store_id = $1 AND platform_order_id = $2', [stores.ETSY, '3301239999']),
    ).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.orders.order.placed' AND payload->>'orderId' = $1`, [
        [...ids][0],
      ]),
    ).toBe(1);
  });

  it("refuses another team's store as 404 and unknown SKUs as 422 naming them, writing nothing", async () => {
    const foreign = await importOrder('SHOPIFY', shopify, stranger.token);
    expect([foreign.status, (await json(foreign)).code]).toEqual([404, 'ORDERS.STORE_NOT_FOUND']);
    const unknown = structuredClone(shopify) as any;
    unknown.id = 5678901230000;
    unknown.line_items[1].sku = 'NOPE-404';
    const refused = await importOrder('SHOPIFY', unknown);
    expect(refused.status).toBe(422);
    expect(await json(refused)).toMatchObject({ code: 'ORDERS.UNKNOWN_SKU', skus: ['NOPE-404'] });
    const broken = await importOrder('SHOPIFY', { ...shopify, line_items: [] });
    expect([broken.status, (await json(broken)).code]).toEqual([400, 'ORDERS.INVALID_PAYLOAD']);
    expect(await count('SELECT count(*)::int AS n FROM orders WHERE platform_order_id = $1', ['5678901230000'])).toBe(0);
  });

  it("lists orders by visibility: the seller's teams' stores, all for an admin, none for another buyer or team", async () => {
    const mine = await json(await call('GET', '/orders?limit=100', { token: seller.token }));
    expect(mine.items).toHaveLength(6);
    const all = await json(await call('GET', '/orders?limit=100', { token: (await root()).token }));
    expect(all.items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(mine.items.map((o: { id: string }) => o.id)));
    expect((await json(await call('GET', '/orders', { token: buyer.token }))).items).toEqual([]);
    expect((await json(await call('GET', '/orders', { token: stranger.token }))).items).toEqual([]);

    const filtered = await json(await call('GET', `/orders?storeId=${stores.AMAZON}&status=CONFIRMED`, { token: seller.token }));
    expect(filtered.items.map((o: { id: string }) => o.id)).toEqual([imported.AMAZON.id]);
    const first = await json(await call('GET', '/orders?limit=4', { token: seller.token }));
    const second = await json(await call('GET', `/orders?limit=4&cursor=${first.nextCursor}`, { token: seller.token }));
    expect([first.items.length, second.items.length, second.nextCursor]).toEqual([4, 2, null]);
    expect(new Set([...first.items, ...second.items].map((o: { id: string }) => o.id)).size).toBe(6);
  });

  it("answers another team's or another user's order as 404, and the seller's with items and history", async () => {
    const id = imported.TIKTOK_SHOP.id;
    for (const token of [stranger.token, buyer.token]) {
      const hidden = await call('GET', `/orders/${id}`, { token });
      expect([hidden.status, (await json(hidden)).code]).toEqual([404, 'ORDERS.ORDER_NOT_FOUND']);
    }
    const order = await json(await call('GET', `/orders/${id}`, { token: seller.token }));
    expect([order.items.length, order.statusHistory.length, order.shippingAddress.city]).toEqual([2, 1, 'Los Angeles']);
  });

  it('cancels with a history row, a cancelled event and released stock; cancelling again is 409', async () => {
    const order = imported.WOOCOMMERCE;
    const productId = products['WOO-PIN-ENA-SET'];
    // The order holds 2 units, as a checkout would have reserved them.
    await catalog.query(
      `INSERT INTO stock_reservations (id, order_id, product_id, quantity, expires_at, updated_at) VALUES (gen_random_uuid(), $1, $2, 2, now() + interval '1 hour', now())`,
      [order.id, productId],
    );
    await catalog.query('UPDATE products SET stock = stock - 2 WHERE id = $1', [productId]);
    await orders.query('UPDATE orders SET stock_reserved = true WHERE id = $1', [order.id]);

    const hidden = await call('POST', `/orders/${order.id}/cancel`, { token: stranger.token, body: { reason: 'not mine' } });
    expect(hidden.status).toBe(404);
    const cancelled = await call('POST', `/orders/${order.id}/cancel`, { token: seller.token, body: { reason: 'buyer asked on chat' } });
    expect(cancelled.status).toBe(200);
    const body = await json(cancelled);
    expect(body).toMatchObject({ status: 'CANCELLED', stockReserved: false });
    expect(
      body.statusHistory.map((h: { fromStatus: string; toStatus: string; reason: string }) => [h.fromStatus, h.toStatus, h.reason]),
    ).toEqual([
      [null, 'CONFIRMED', expect.any(String)],
      ['CONFIRMED', 'CANCELLED', 'buyer asked on chat'],
    ]);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.orders.order.cancelled' AND payload->>'orderId' = $1`, [
        order.id,
      ]),
    ).toBe(1);
    // Catalog releases the units when it consumes the cancelled event.
    await eventually(
      async () => (await catalog.query('SELECT status FROM stock_reservations WHERE order_id = $1', [order.id])).rows,
      (rows) => rows[0]?.status === 'RELEASED',
      10000,
    );
    expect((await catalog.query('SELECT stock FROM products WHERE id = $1', [productId])).rows[0].stock).toBe(50);

    const again = await call('POST', `/orders/${order.id}/cancel`, { token: seller.token, body: { reason: 'twice' } });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'ORDERS.INVALID_TRANSITION', from: 'CANCELLED', to: 'CANCELLED' });
    const noReason = await call('POST', `/orders/${imported.ETSY.id}/cancel`, { token: seller.token, body: {} });
    expect(noReason.status).toBe(400);

    // Concurrent changes of one order: the conditional update lets exactly one win.
    const raced = await Promise.all(
      Array.from({ length: 5 }, () =>
        call('POST', `/orders/${imported.SHOPIFY.id}/cancel`, { token: seller.token, body: { reason: 'race' } }),
      ),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(
      await count("SELECT count(*)::int AS n FROM order_status_history WHERE order_id = $1 AND to_status = 'CANCELLED'", [
        imported.SHOPIFY.id,
      ]),
    ).toBe(1);
  });

  it('verifies a purchase over NATS once an order of the user with the product is delivered', async () => {
    const verify = async (userId: string, productId: string) => {
      const msg = await stack.nc.request(
        OrdersSubjects.PurchaseVerify,
        JSON.stringify({ pattern: OrdersSubjects.PurchaseVerify, data: { userId, productId }, id: randomUUID() }),
        { timeout: 20000 },
      );
      return JSON.parse(new TextDecoder().decode(msg.data)).response;
    };
    const productId = products['AMZ-KIT-OYS-GRW'];
    await orders.query('UPDATE orders SET user_id = $1 WHERE id = $2', [buyer.id, imported.AMAZON.id]);
    expect(await verify(buyer.id, productId)).toEqual({ purchased: false });
    await orders.query("UPDATE orders SET status = 'DELIVERED' WHERE id = $1", [imported.AMAZON.id]);
    expect(await verify(buyer.id, productId)).toEqual({ purchased: true });
    expect(await verify(stranger.id, productId)).toEqual({ purchased: false });
    expect(await verify(buyer.id, products['SHOP-MUG-SHI-11'])).toEqual({ purchased: false });
  });
});
