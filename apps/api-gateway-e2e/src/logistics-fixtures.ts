import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { publishLikeOutbox } from './event-publishing';
import { eventually } from './processes';
import { Stack } from './stack';

export const FULFILLMENT_STATUS_CHANGED = 'evt.fulfillment.fulfillment.status-changed';
export const ORDER_PLACED = 'evt.orders.order.placed';
const DURABLES = {
  [FULFILLMENT_STATUS_CHANGED]: ['EVT_FULFILLMENT', 'logistics__open-shipment-on-fulfillment-shipped'],
  [ORDER_PLACED]: ['EVT_ORDERS', 'logistics__record-order-placed'],
} as const;

/**
 * Publishing the events logistics follows the way their services' outboxes do (own Nats-Msg-Id, the
 * version header), waiting until logistics' durable consumer has taken and acked everything up to it.
 */
export function logisticsFixtures(stack: () => Stack, db: () => Client) {
  const publish = async (subject: keyof typeof DURABLES, payload: object, msgID: string = randomUUID()) =>
    (await publishLikeOutbox(stack().nc, subject, [payload], [DURABLES[subject]], { msgIds: [msgID] }))[0];

  /** Waits for logistics' consumers, so the streams exist before anything is published. */
  const consumersReady = async () => {
    const jsm = await jetstreamManager(stack().nc);
    await eventually(
      () => Promise.all(Object.values(DURABLES).map(([stream, durable]) => jsm.consumers.info(stream, durable))),
      (infos) => infos.length === 2,
      60000,
    ).catch((error) => {
      // say why: the service's own complaints about its consumers
      const said = stack()
        .services.logistics?.output()
        .split('\n')
        .filter((l) => /"level":(40|50)|rror/.test(l))
        .slice(-10)
        .join('\n');
      throw new Error(`${(error as Error).message}\nlogistics said:\n${said}`);
    });
  };

  /** An order as orders announces it when placed (only what logistics reads). */
  const orderPlaced = (o: {
    orderId: string;
    userId?: string | null;
    teamId?: string | null;
    storeId?: string | null;
    items: { orderItemId: string; quantity: number }[];
  }) =>
    publish(ORDER_PLACED, {
      orderId: o.orderId,
      orderCode: randomUUID().slice(0, 9).toUpperCase(),
      orderNumber: `ORD-${randomUUID().slice(0, 8)}`,
      status: 'CONFIRMED',
      storeId: o.storeId ?? null,
      userId: o.userId ?? null,
      teamId: o.teamId ?? null,
      total: '10.00',
      currency: 'USD',
      items: o.items.map((i) => ({ orderItemId: i.orderItemId, productId: randomUUID(), quantity: i.quantity })),
    });

  /** Fulfillment reports a fulfillment SHIPPED (or another status); returns the shipment it opened, if any. */
  const fulfillmentStatus = async (
    e: {
      fulfillmentId?: string;
      orderId: string;
      status?: string;
      trackingNumber?: string | null;
      carrier?: string | null;
      items: { orderItemId: string; quantity: number; status?: string }[];
    },
    msgID?: string,
  ) => {
    const fulfillmentId = e.fulfillmentId ?? randomUUID();
    const status = e.status ?? 'SHIPPED';
    await publish(
      FULFILLMENT_STATUS_CHANGED,
      {
        fulfillmentId,
        orderId: e.orderId,
        factoryId: randomUUID(),
        status,
        previousStatus: 'IN_PRODUCTION',
        items: e.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity, status: i.status ?? status })),
        trackingNumber: e.trackingNumber ?? null,
        carrier: e.carrier ?? null,
      },
      msgID,
    );
    const row = (await db().query('SELECT id FROM shipments WHERE fulfillment_id = $1', [fulfillmentId])).rows[0];
    return { fulfillmentId, shipmentId: row?.id as string | undefined };
  };

  /** ShipmentStatusChanged events logistics wrote to its outbox for a shipment, oldest first. */
  const statusEvents = async (shipmentId: string) =>
    (
      await db().query(
        "SELECT payload FROM outbox_event WHERE subject = 'evt.logistics.shipment.status-changed' AND payload->>'shipmentId' = $1 ORDER BY created_at, id",
        [shipmentId],
      )
    ).rows.map((r) => r.payload);

  const outboxOf = async (subject: string, shipmentId: string) =>
    (
      await db().query("SELECT payload FROM outbox_event WHERE subject = $1 AND payload->>'shipmentId' = $2 ORDER BY created_at, id", [
        subject,
        shipmentId,
      ])
    ).rows.map((r) => r.payload);

  return { publish, consumersReady, orderPlaced, fulfillmentStatus, statusEvents, outboxOf };
}
