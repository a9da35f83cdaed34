import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { Account, identityClient } from './identity-client';
import { Durable, durableSettled, publishLikeOutbox } from './event-publishing';
import { eventually } from './processes';
import { shopFixtures } from './shop-fixtures';
import { json, Stack } from './stack';

export const SHIPMENT_STATUS_CHANGED = 'evt.logistics.shipment.status-changed';
export const RETURN_COMPLETED = 'evt.logistics.return.completed';
/** The durables that must be up before the specs publish (each creates its stream). */
export const LOGISTICS_DURABLES = {
  delivered: ['EVT_LOGISTICS', 'logistics__returns-delivered-items'],
  lines: ['EVT_ORDERS', 'logistics__returns-order-lines'],
  refund: ['EVT_LOGISTICS', 'orders__refund-on-return-completed'],
  restock: ['EVT_LOGISTICS', 'catalog__restock-on-return-completed'],
} as const;

export interface DeliveredOrder {
  buyer: Account;
  orderId: string;
  total: string;
  tee: { productId: string; variantId: string; itemId: string };
  mug: { productId: string; itemId: string };
}

/**
 * A real web-shop order (checkout, cash on delivery confirmed by staff: a PAID payment), whose lines
 * logistics learnt from orders' placed event, then a DELIVERED shipment of it published as the
 * shipments side of logistics publishes it.
 */
export function logisticsFixtures(
  client: ReturnType<typeof identityClient>,
  stack: () => Stack,
  dbs: () => { catalog: Client; orders: Client; logistics: Client },
  storeId: () => string,
) {
  const { call, account } = client;
  const { product } = shopFixtures(client, () => dbs().catalog, storeId);

  /** Publishes like an outbox relay (own Nats-Msg-Id, version header); waits until every named durable acked it. */
  const publish = async (subject: string, payload: object, durable: Durable | Durable[], msgID: string = randomUUID()) =>
    (
      await publishLikeOutbox(stack().nc, subject, [payload], (Array.isArray(durable[0]) ? durable : [durable]) as Durable[], {
        msgIds: [msgID],
      })
    )[0];
  const settled = (durable: Durable, seq: number) => durableSettled(stack().nc, durable, seq);
  const durablesUp = async () => {
    const jsm = await jetstreamManager(stack().nc);
    await eventually(
      () => Promise.all(Object.values(LOGISTICS_DURABLES).map(([s, d]) => jsm.consumers.info(s, d))),
      (infos) => infos.length === Object.keys(LOGISTICS_DURABLES).length,
      30000,
    );
  };

  const variant = async (productId: string) => {
    const variantId = randomUUID();
    await dbs().catalog.query(
      "INSERT INTO system_variants (id, code, product_id, size, color, price, stock, updated_at) VALUES ($1, $2, $3, 'M', 'Black', '24.50', 50, now())",
      [variantId, randomBytes(4).toString('hex').slice(0, 5).toUpperCase(), productId],
    );
    return variantId;
  };

  /** Checkout of 2 tees (a variant) and 1 mug, paid cash on delivery, lines known to logistics. */
  const paidOrder = async (buyer?: Account): Promise<DeliveredOrder> => {
    const user = buyer ?? (await account(['USER'], 'buyer'));
    const teeProduct = await product(20, 'Spore tee');
    const variantId = await variant(teeProduct);
    const mugProduct = await product(20, 'Oyster mug');
    const address = await json(
      await call('POST', '/customers/me/addresses', {
        token: user.token,
        body: { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' },
      }),
    );
    const cart = await json(await call('POST', '/carts', { token: user.token }));
    for (const line of [
      { productId: teeProduct, variantId, quantity: 2 },
      { productId: mugProduct, quantity: 1 },
    ]) {
      const added = await call('POST', `/carts/${cart.id}/items`, { token: user.token, body: line });
      if (added.status !== 200) throw new Error(`add answered ${added.status}: ${await added.text()}`);
    }
    const placed = await call('POST', '/checkout', {
      token: user.token,
      body: { cartId: cart.id, shippingAddressId: address.id, paymentMethod: 'COD' },
      headers: { 'idempotency-key': randomBytes(16).toString('base64url') },
    });
    if (placed.status !== 201) throw new Error(`checkout answered ${placed.status}: ${await placed.text()}`);
    const order = await json(placed);
    const paid = await call('POST', `/orders/${order.id}/payments/cod`, { token: (await client.root()).token });
    if (paid.status !== 201) throw new Error(`cod answered ${paid.status}: ${await paid.text()}`);
    const items = (await dbs().orders.query('SELECT id, product_id FROM order_items WHERE order_id = $1', [order.id])).rows;
    await eventually(
      async () => (await dbs().logistics.query('SELECT count(*)::int AS n FROM order_lines WHERE order_id = $1', [order.id])).rows[0].n,
      (n) => n === 2,
      20000,
    );
    return {
      buyer: user,
      orderId: order.id,
      total: order.total,
      tee: { productId: teeProduct, variantId, itemId: items.find((i) => i.product_id === teeProduct).id },
      mug: { productId: mugProduct, itemId: items.find((i) => i.product_id === mugProduct).id },
    };
  };

  const delivered = (o: DeliveredOrder, overrides: Record<string, unknown> = {}) => ({
    shipmentId: randomUUID(),
    orderId: o.orderId,
    userId: o.buyer.id,
    status: 'DELIVERED',
    previousStatus: 'OUT_FOR_DELIVERY',
    items: [
      { orderItemId: o.tee.itemId, quantity: 2 },
      { orderItemId: o.mug.itemId, quantity: 1 },
    ],
    carrier: 'J&T',
    trackingNumber: `JT${randomBytes(5).toString('hex')}`,
    occurredAt: new Date().toISOString(),
    proofOfDelivery: { signedBy: 'Ana Cruz', receivedAt: new Date().toISOString() },
    ...overrides,
  });

  /** A paid order with a DELIVERED shipment of everything in it. */
  const deliveredOrder = async (buyer?: Account, overrides: Record<string, unknown> = {}) => {
    const o = await paidOrder(buyer);
    await publish(SHIPMENT_STATUS_CHANGED, delivered(o, overrides), LOGISTICS_DURABLES.delivered);
    return o;
  };

  return { publish, settled, durablesUp, paidOrder, delivered, deliveredOrder };
}

/** The fields a problem+json names. */
export const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** A call answered with its status and parsed body. */
export async function answer(response: Promise<Response>): Promise<{ status: number; body: any }> {
  const r = await response;
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}
