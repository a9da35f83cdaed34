import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { publishLikeOutbox } from './event-publishing';
import { Account, identityClient, ROOT } from './identity-client';
import { insertStore, shopFixtures } from './shop-fixtures';
import { eventually } from './processes';
import { productFixtures } from './product-fixtures';
import { json, Stack, startStack } from './stack';

const ROUTED = 'evt.fulfillment.fulfillment.routed';
const STATUS_CHANGED = 'evt.fulfillment.fulfillment.status-changed';
const DURABLES = { [ROUTED]: 'orders__follow-fulfillment-routed', [STATUS_CHANGED]: 'orders__follow-fulfillment-status' };
type FulfillmentStatus = 'PENDING' | 'IN_PRODUCTION' | 'SHIPPED' | 'DELIVERED' | 'FAILED';

/**
 * What orders records for routing (the line's system variant, its code, the product's design; the
 * placed and paid events carry the lines and the ship-to) and how the order follows fulfillment's
 * events: PROCESSING once routed, SHIPPED and DELIVERED as every item gets there, items mirrored,
 * redeliveries and late or illegal events changing nothing.
 */
describe('orders <-> fulfillment: routing fields and the order following its fulfillments', () => {
  let stack: Stack;
  let catalogDb: Client;
  let ordersDb: Client;
  let storeId: string;
  const client = identityClient(() => stack);
  const { call, account } = client;
  const { teamWithStore } = productFixtures(client, () => catalogDb);
  const { product } = shopFixtures(
    client,
    () => catalogDb,
    () => storeId,
  );

  /** A system variant of the product (a fresh 5-character code) and an approved default design. */
  const variantAndDesign = async (productId: string) => {
    const variantId = randomUUID();
    const code = randomBytes(4).toString('hex').slice(0, 5).toUpperCase();
    await catalogDb.query(
      "INSERT INTO system_variants (id, code, product_id, size, color, price, stock, updated_at) VALUES ($1, $2, $3, 'M', 'Black', '24.50', 50, now())",
      [variantId, code, productId],
    );
    const designId = randomUUID();
    await catalogDb.query(
      "INSERT INTO designs (id, team_id, seller_id, name, artwork_url, fingerprint, status, is_auto_fulfillment_ready, updated_at) VALUES ($1, $2, $3, 'Spore', 'https://cdn.test/spore.png', $4, 'APPROVED', true, now())",
      [designId, randomUUID(), randomUUID(), randomUUID()],
    );
    await catalogDb.query('INSERT INTO product_designs (id, product_id, design_id, is_default) VALUES ($1, $2, $3, true)', [
      randomUUID(),
      productId,
      designId,
    ]);
    return { variantId, code, designId };
  };

  /** A buyer with an address (country as a name) and a cart holding these lines. */
  const buyer = async (lines: { productId: string; variantId?: string; quantity: number }[]) => {
    const user = await account();
    const address = await json(
      await call('POST', '/customers/me/addresses', {
        token: user.token,
        body: { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' },
      }),
    );
    const cart = await json(await call('POST', '/carts', { token: user.token }));
    for (const line of lines) {
      const added = await call('POST', `/carts/${cart.id}/items`, { token: user.token, body: line });
      if (added.status !== 200) throw new Error(`add answered ${added.status}: ${await added.text()}`);
    }
    return { user, cartId: cart.id as string, addressId: address.id as string };
  };

  const checkout = async (b: { user: Account; cartId: string; addressId: string }, paymentMethod: 'COD' | 'GCASH') => {
    const response = await call('POST', '/checkout', {
      token: b.user.token,
      body: { cartId: b.cartId, shippingAddressId: b.addressId, paymentMethod },
      headers: { 'idempotency-key': randomBytes(16).toString('base64url') },
    });
    if (response.status !== 201) throw new Error(`checkout answered ${response.status}: ${await response.text()}`);
    return json(response);
  };

  /** A COD order of two lines: a variant with a design, and a plain product. */
  const twoLineOrder = async () => {
    const tee = await product(20, 'Spore tee');
    const routing = await variantAndDesign(tee);
    const mug = await product(20, 'Oyster mug');
    const b = await buyer([
      { productId: tee, variantId: routing.variantId, quantity: 2 },
      { productId: mug, quantity: 1 },
    ]);
    const order = await checkout(b, 'COD');
    const rows = await itemRows(order.id);
    return {
      b,
      order,
      tee,
      mug,
      routing,
      teeItem: rows.find((r) => r.product_id === tee)!.id,
      mugItem: rows.find((r) => r.product_id === mug)!.id,
    };
  };

  const itemRows = async (orderId: string) =>
    (
      await ordersDb.query(
        'SELECT id, product_id, system_variant_id, system_variant_code, design_id, fulfillment_status FROM order_items WHERE order_id = $1 ORDER BY created_at, id',
        [orderId],
      )
    ).rows;
  const statusOf = async (orderId: string) =>
    (await ordersDb.query('SELECT status, tracking_number, shipped_at, delivered_at FROM orders WHERE id = $1', [orderId])).rows[0];
  const itemStatuses = async (orderId: string) => Object.fromEntries((await itemRows(orderId)).map((r) => [r.id, r.fulfillment_status]));
  const history = async (orderId: string) =>
    (
      await ordersDb.query('SELECT from_status, to_status, reason FROM order_status_history WHERE order_id = $1 ORDER BY created_at, id', [
        orderId,
      ])
    ).rows.map((r) => [r.from_status, r.to_status, r.reason]);

  /** The last event on the subject for this order, read from the orders stream. */
  const streamEvent = async (subject: string, orderId: string) => {
    const jsm = await jetstreamManager(stack.nc);
    const message = await eventually(
      () => jsm.streams.getMessage('EVT_ORDERS', { last_by_subj: subject }),
      (m) => m?.json<{ orderId: string }>().orderId === orderId,
    );
    return message!.json<Record<string, any>>();
  };

  /**
   * Publishes a fulfillment event as fulfillment's outbox does (its own Nats-Msg-Id, the version
   * header) and waits until orders' consumer has taken and acked everything up to it.
   */
  const publish = async (
    subject: typeof ROUTED | typeof STATUS_CHANGED,
    event: {
      fulfillmentId: string;
      orderId: string;
      status: FulfillmentStatus;
      items: { orderItemId: string; status: FulfillmentStatus; quantity: number }[];
      trackingNumber?: string;
    },
    msgID = randomUUID(),
  ) => {
    await publishLikeOutbox(stack.nc, subject, [{ factoryId: randomUUID(), ...event }], [['EVT_FULFILLMENT', DURABLES[subject]]], {
      msgIds: [msgID],
    });
    return msgID;
  };

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
    });
    [catalogDb, ordersDb] = [await stack.db('catalog'), await stack.db('orders')];
    storeId = await insertStore(catalogDb);
    // The fulfillment stream exists once orders' consumers are up: wait for them before publishing.
    const jsm = await jetstreamManager(stack.nc);
    await eventually(
      () => Promise.all(Object.values(DURABLES).map((d) => jsm.consumers.info('EVT_FULFILLMENT', d))),
      (infos) => infos.length === 2,
      30000,
    );
  }, 90000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('stores the variant, its code and the design on the items; the placed and paid events carry the lines and the ship-to', async () => {
    const { order, tee, mug, routing, teeItem, mugItem } = await twoLineOrder();
    expect(order.status).toBe('CONFIRMED');
    const rows = await itemRows(order.id);
    expect([rows.find((r) => r.id === teeItem), rows.find((r) => r.id === mugItem)]).toEqual([
      {
        id: teeItem,
        product_id: tee,
        system_variant_id: routing.variantId,
        system_variant_code: routing.code,
        design_id: routing.designId,
        fulfillment_status: 'PENDING',
      },
      { id: mugItem, product_id: mug, system_variant_id: null, system_variant_code: null, design_id: null, fulfillment_status: 'PENDING' },
    ]);
    expect(order.items.find((i: { id: string }) => i.id === teeItem)).toMatchObject({
      systemVariantId: routing.variantId,
      systemVariantCode: routing.code,
      designId: routing.designId,
      fulfillmentStatus: 'PENDING',
    });

    const lines = [
      {
        orderItemId: teeItem,
        productId: tee,
        systemVariantId: routing.variantId,
        systemVariantCode: routing.code,
        designId: routing.designId,
        sku: `sku-${tee}`,
        quantity: 2,
      },
      {
        orderItemId: mugItem,
        productId: mug,
        systemVariantId: null,
        systemVariantCode: null,
        designId: null,
        sku: `sku-${mug}`,
        quantity: 1,
      },
    ];
    // The address says "Philippines" (the default): fulfilment gets the ISO code.
    const shipTo = { country: 'PH', province: 'Metro Manila', city: 'Makati', postalCode: '1200' };
    const placed = await streamEvent('evt.orders.order.placed', order.id);
    expect(placed).toMatchObject({ orderId: order.id, status: 'CONFIRMED', paymentMethod: 'COD', items: lines, shipTo });
    expect(placed).not.toHaveProperty('imported');
    expect(placed).not.toHaveProperty('teamId'); // a web order has no store, so orders knows no team

    const root = await client.root();
    expect((await call('POST', `/orders/${order.id}/payments/cod`, { token: root.token })).status).toBe(201);
    const paid = await streamEvent('evt.orders.order.paid', order.id);
    expect(paid).toMatchObject({ orderId: order.id, status: 'CONFIRMED', amount: order.total, items: lines, shipTo });
  }, 60000);

  it('imports a marketplace order whose SKU is a variant code: items carry variant and design, the placed event says imported, the team and the ship-to', async () => {
    const seller = await account(['SELLER'], 'seller');
    const shop = await teamWithStore(seller);
    const { team_id: teamId } = (await catalogDb.query('SELECT team_id FROM stores WHERE id = $1', [shop])).rows[0];
    const insertProduct = async (sku: string) =>
      (
        await catalogDb.query(
          `INSERT INTO products (id, store_id, sku, name, slug, price, stock, status, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, 10.00, 50, 'ACTIVE', now()) RETURNING id`,
          [shop, sku, `Product ${sku}`, `${sku.toLowerCase()}-${randomUUID()}`],
        )
      ).rows[0].id as string;
    const tee = await insertProduct(`TEE-${randomUUID()}`);
    const routing = await variantAndDesign(tee);
    const mug = await insertProduct('SHOP-MUG-SHI-11');
    // The Shopify fixture (a tee and a mug), its tee line naming the variant's code as its SKU.
    const shopify = JSON.parse(readFileSync(join(__dirname, '../../orders/src/import/fixtures/shopify.json'), 'utf8'));
    shopify.line_items[0].sku = routing.code;
    const response = await call('POST', `/orders/import/${shop}`, { token: seller.token, body: shopify });
    expect(response.status).toBe(201);
    const order = await json(response);
    const rows = await itemRows(order.id);
    expect(rows.find((r) => r.product_id === tee)).toMatchObject({
      system_variant_id: routing.variantId,
      system_variant_code: routing.code,
      design_id: routing.designId,
    });
    expect(rows.find((r) => r.product_id === mug)).toMatchObject({ system_variant_id: null, system_variant_code: null, design_id: null });
    const placed = await streamEvent('evt.orders.order.placed', order.id);
    expect(placed).toMatchObject({
      orderId: order.id,
      status: 'CONFIRMED',
      storeId: shop,
      teamId,
      imported: true,
      stockReserved: false,
      shipTo: { country: 'US', city: 'Portland', postalCode: '97205' },
    });
    expect(placed.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          productId: tee,
          systemVariantId: routing.variantId,
          systemVariantCode: routing.code,
          sku: routing.code,
          quantity: 2,
        }),
        expect.objectContaining({ productId: mug, systemVariantId: null, sku: 'SHOP-MUG-SHI-11', quantity: 1 }),
      ]),
    );

    // Paid on the marketplace: routing takes it straight to PROCESSING.
    const teeItem = rows.find((r) => r.product_id === tee).id;
    await publish(ROUTED, {
      fulfillmentId: randomUUID(),
      orderId: order.id,
      status: 'PENDING',
      items: [{ orderItemId: teeItem, status: 'PENDING', quantity: 2 }],
    });
    expect((await statusOf(order.id)).status).toBe('PROCESSING');
  }, 60000);

  it('moves the order to PROCESSING when routed, SHIPPED when every item shipped, DELIVERED when every item is delivered; redeliveries change nothing twice', async () => {
    const { b, order, teeItem, mugItem } = await twoLineOrder();
    const [f1, f2] = [randomUUID(), randomUUID()];
    const tee = (status: FulfillmentStatus) => ({ orderItemId: teeItem, status, quantity: 2 });
    const mug = (status: FulfillmentStatus) => ({ orderItemId: mugItem, status, quantity: 1 });

    const routedId = await publish(ROUTED, { fulfillmentId: f1, orderId: order.id, status: 'PENDING', items: [tee('PENDING')] });
    expect((await statusOf(order.id)).status).toBe('PROCESSING');
    // The same message again (dropped by the stream's duplicate window), and the same content under another id (the inbox lets it in).
    await publish(ROUTED, { fulfillmentId: f1, orderId: order.id, status: 'PENDING', items: [tee('PENDING')] }, routedId);
    await publish(ROUTED, { fulfillmentId: f1, orderId: order.id, status: 'PENDING', items: [tee('PENDING')] });
    await publish(ROUTED, { fulfillmentId: f2, orderId: order.id, status: 'PENDING', items: [mug('PENDING')] });
    expect((await history(order.id)).slice(2)).toEqual([['CONFIRMED', 'PROCESSING', `fulfillment ${f1} routed`]]);

    await publish(STATUS_CHANGED, { fulfillmentId: f1, orderId: order.id, status: 'IN_PRODUCTION', items: [tee('IN_PRODUCTION')] });
    await publish(STATUS_CHANGED, {
      fulfillmentId: f1,
      orderId: order.id,
      status: 'SHIPPED',
      items: [tee('SHIPPED')],
      trackingNumber: 'TRK-1',
    });
    // One of two items shipped: the order is still in progress.
    expect(await itemStatuses(order.id)).toEqual({ [teeItem]: 'SHIPPED', [mugItem]: 'PENDING' });
    expect(await statusOf(order.id)).toMatchObject({ status: 'PROCESSING', tracking_number: 'TRK-1', shipped_at: null });

    await publish(STATUS_CHANGED, {
      fulfillmentId: f2,
      orderId: order.id,
      status: 'SHIPPED',
      items: [mug('SHIPPED')],
      trackingNumber: 'TRK-2',
    });
    expect(await statusOf(order.id)).toMatchObject({ status: 'SHIPPED', tracking_number: 'TRK-1' });
    expect((await statusOf(order.id)).shipped_at).not.toBeNull();
    // Late and repeated reports: an IN_PRODUCTION that was overtaken, the shipment again.
    await publish(STATUS_CHANGED, { fulfillmentId: f2, orderId: order.id, status: 'IN_PRODUCTION', items: [mug('IN_PRODUCTION')] });
    await publish(STATUS_CHANGED, { fulfillmentId: f2, orderId: order.id, status: 'SHIPPED', items: [mug('SHIPPED')] });
    expect(await itemStatuses(order.id)).toEqual({ [teeItem]: 'SHIPPED', [mugItem]: 'SHIPPED' });

    await publish(STATUS_CHANGED, { fulfillmentId: f1, orderId: order.id, status: 'DELIVERED', items: [tee('DELIVERED')] });
    expect((await statusOf(order.id)).status).toBe('SHIPPED');
    for (let i = 0; i < 2; i++)
      await publish(STATUS_CHANGED, { fulfillmentId: f2, orderId: order.id, status: 'DELIVERED', items: [mug('DELIVERED')] });
    expect(await itemStatuses(order.id)).toEqual({ [teeItem]: 'DELIVERED', [mugItem]: 'DELIVERED' });
    expect((await statusOf(order.id)).delivered_at).not.toBeNull();
    expect(await history(order.id)).toEqual([
      [null, 'PENDING', 'checkout'],
      ['PENDING', 'CONFIRMED', 'cash_on_delivery'],
      ['CONFIRMED', 'PROCESSING', `fulfillment ${f1} routed`],
      ['PROCESSING', 'SHIPPED', `fulfillment ${f2} shipped`],
      ['SHIPPED', 'DELIVERED', `fulfillment ${f2} delivered`],
    ]);
    // The buyer sees it through the API too, the items' statuses with it.
    const seen = await json(await call('GET', `/orders/${order.id}`, { token: b.user.token }));
    expect([seen.status, seen.items.map((i: { fulfillmentStatus: string }) => i.fulfillmentStatus)]).toEqual([
      'DELIVERED',
      ['DELIVERED', 'DELIVERED'],
    ]);
  }, 90000);

  it('walks an order whose shipment overtook its routing through PROCESSING; the late routed event changes nothing', async () => {
    const { order, teeItem, mugItem } = await twoLineOrder();
    const f = randomUUID();
    const items = (status: FulfillmentStatus) => [
      { orderItemId: teeItem, status, quantity: 2 },
      { orderItemId: mugItem, status, quantity: 1 },
    ];
    await publish(STATUS_CHANGED, { fulfillmentId: f, orderId: order.id, status: 'SHIPPED', items: items('SHIPPED') });
    await publish(ROUTED, { fulfillmentId: f, orderId: order.id, status: 'PENDING', items: items('PENDING') });
    expect((await statusOf(order.id)).status).toBe('SHIPPED');
    expect(await itemStatuses(order.id)).toEqual({ [teeItem]: 'SHIPPED', [mugItem]: 'SHIPPED' });
    expect((await history(order.id)).slice(2)).toEqual([
      ['CONFIRMED', 'PROCESSING', `fulfillment ${f} shipped`],
      ['PROCESSING', 'SHIPPED', `fulfillment ${f} shipped`],
    ]);
  }, 60000);

  it('skips what the order cannot do (an unpaid order, an unknown order or item) and goes on with the next event', async () => {
    const tee = await product(20, 'Spore tee');
    const unpaid = await checkout(await buyer([{ productId: tee, quantity: 1 }]), 'GCASH');
    expect(unpaid.status).toBe('PENDING');
    const [unpaidItem] = await itemRows(unpaid.id);
    await publish(ROUTED, {
      fulfillmentId: randomUUID(),
      orderId: unpaid.id,
      status: 'PENDING',
      items: [{ orderItemId: unpaidItem.id, status: 'PENDING', quantity: 1 }],
    });
    await publish(STATUS_CHANGED, {
      fulfillmentId: randomUUID(),
      orderId: unpaid.id,
      status: 'SHIPPED',
      items: [{ orderItemId: unpaidItem.id, status: 'SHIPPED', quantity: 1 }],
    });
    // The item mirrors what fulfillment reports; the order does not move off its lifecycle.
    expect((await statusOf(unpaid.id)).status).toBe('PENDING');
    expect(await itemStatuses(unpaid.id)).toEqual({ [unpaidItem.id]: 'SHIPPED' });
    expect(await history(unpaid.id)).toEqual([[null, 'PENDING', 'checkout']]);

    // An unknown order, and an item of another order.
    const { order, teeItem } = await twoLineOrder();
    await publish(ROUTED, {
      fulfillmentId: randomUUID(),
      orderId: randomUUID(),
      status: 'PENDING',
      items: [{ orderItemId: teeItem, status: 'PENDING', quantity: 2 }],
    });
    await publish(STATUS_CHANGED, {
      fulfillmentId: randomUUID(),
      orderId: order.id,
      status: 'SHIPPED',
      items: [{ orderItemId: unpaidItem.id, status: 'SHIPPED', quantity: 1 }],
    });
    expect((await statusOf(order.id)).status).toBe('CONFIRMED');
    expect(Object.values(await itemStatuses(order.id))).toEqual(['PENDING', 'PENDING']);

    // Nothing was retried or dead-lettered: the consumers have no backlog and the next event applies at once.
    await publish(ROUTED, {
      fulfillmentId: randomUUID(),
      orderId: order.id,
      status: 'PENDING',
      items: [{ orderItemId: teeItem, status: 'PENDING', quantity: 2 }],
    });
    expect((await statusOf(order.id)).status).toBe('PROCESSING');
    const jsm = await jetstreamManager(stack.nc);
    for (const durable of Object.values(DURABLES)) {
      const info = await jsm.consumers.info('EVT_FULFILLMENT', durable);
      expect([info.num_pending, info.num_ack_pending, info.num_redelivered]).toEqual([0, 0, 0]);
    }
  }, 60000);
});
