import { Injectable } from '@nestjs/common';
import { FulfillmentStatusName } from '@suite/contracts/fulfillment';
import { ShipmentStatusChanged, ShipmentStatusChangedPayload, ShipmentStatusName } from '@suite/contracts/logistics';
import { OnEvent } from '@suite/platform';
import { FollowFulfillmentCommand } from './commands/follow-fulfillment.command';

/** What a shipment's status means for its items: on the way is SHIPPED, DELIVERED is delivered; the rest says nothing here. */
const ITEM_STATUS: Partial<Record<ShipmentStatusName, FulfillmentStatusName>> = {
  DISPATCHED: 'SHIPPED',
  IN_TRANSIT: 'SHIPPED',
  OUT_FOR_DELIVERY: 'SHIPPED',
  DELIVERED: 'DELIVERED',
};

/**
 * The order follows its shipments as it follows its fulfillments, through the same forward-only
 * command: a dispatched shipment's items are SHIPPED, a delivered one's DELIVERED, and the order moves
 * when all its items are there. Delivery is logistics' to say (carriers report it); a redelivered or
 * late event changes nothing, and a shipment of a fulfillment that already reported SHIPPED agrees with it.
 */
@Injectable()
export class ShipmentEventsConsumer {
  @OnEvent(ShipmentStatusChanged, { name: 'follow-shipment-status' })
  onShipmentStatus(event: ShipmentStatusChangedPayload) {
    const status = ITEM_STATUS[event.status];
    if (!status || event.items.length === 0) return undefined;
    return new FollowFulfillmentCommand(
      {
        fulfillmentId: event.fulfillmentId ?? event.shipmentId,
        orderId: event.orderId,
        status,
        items: event.items.map((i) => ({ orderItemId: i.orderItemId, status, quantity: i.quantity })),
        trackingNumber: event.trackingNumber ?? null,
        carrier: event.carrier ?? null,
      },
      'status-changed',
      `shipment ${event.shipmentId}`,
    );
  }
}
