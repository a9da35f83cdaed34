import { SupplierOrderStatus } from '@suite/contracts/fulfillment';
import { fromPrintfulStatus } from './supplier-order-status';

/** What a Printful webhook says about one of our orders, read from its v1 body `{ type, created, data: { order, shipment, reason } }`. */
export interface PrintfulEvent {
  /** the provider's event id: the body's `id` when it has one, else type, order and creation time (stable across retries) */
  eventId: string;
  type: string;
  /** our orderNumber (sent as external_id) and Printful's order id */
  orderNumber?: string;
  externalId?: string;
  target?: SupplierOrderStatus;
  trackingNumber?: string;
  carrier?: string;
  reason?: string;
}

/** undefined when the body is not a Printful order event. */
export function readPrintfulEvent(rawBody: string): PrintfulEvent | undefined {
  let body: any;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  if (!body || typeof body.type !== 'string' || typeof body.data !== 'object' || body.data === null) return undefined;
  const order = body.data.order ?? {};
  const shipment = body.data.shipment ?? {};
  const externalId = order.id !== undefined && order.id !== null ? String(order.id) : undefined;
  const orderNumber = typeof order.external_id === 'string' ? order.external_id : undefined;
  if (!externalId && !orderNumber) return undefined;
  const eventId =
    typeof body.id === 'string' || typeof body.id === 'number'
      ? String(body.id)
      : `${body.type}:${externalId ?? orderNumber}:${body.created ?? ''}:${shipment.id ?? ''}`;
  const event: PrintfulEvent = { eventId, type: body.type, orderNumber, externalId };
  switch (body.type) {
    case 'package_shipped':
      event.target = 'SHIPPED';
      event.trackingNumber = shipment.tracking_number ? String(shipment.tracking_number) : undefined;
      event.carrier = shipment.carrier ? String(shipment.carrier) : undefined;
      break;
    case 'order_failed':
      event.target = 'REJECTED';
      event.reason = typeof body.data.reason === 'string' ? body.data.reason : 'Printful could not fulfil the order';
      break;
    case 'order_canceled':
      event.target = 'CANCELLED';
      event.reason = typeof body.data.reason === 'string' ? body.data.reason : 'canceled at Printful';
      break;
    case 'order_updated':
    case 'order_created':
      event.target = fromPrintfulStatus(order.status);
      break;
  }
  return event;
}
