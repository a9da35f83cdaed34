import { Injectable } from '@nestjs/common';
import { FulfillmentEventPayload, FulfillmentStatusChanged } from '@suite/contracts/fulfillment';
import { OrderEventPayload, OrderPlaced } from '@suite/contracts/orders';
import { OnEvent } from '@suite/platform';
import { OpenShipmentFromFulfillmentCommand, RecordOrderCommand } from './commands/follow-events.commands';

/** Logistics follows orders (who owns an order, what it holds) and fulfillment (a SHIPPED fulfillment opens its shipment). */
@Injectable()
export class ShipmentEventsConsumer {
  @OnEvent(OrderPlaced, { name: 'record-order-placed' })
  onPlaced(event: OrderEventPayload) {
    return new RecordOrderCommand(event);
  }

  @OnEvent(FulfillmentStatusChanged, { name: 'open-shipment-on-fulfillment-shipped' })
  onFulfillmentStatus(event: FulfillmentEventPayload) {
    return event.status === 'SHIPPED' ? new OpenShipmentFromFulfillmentCommand(event) : undefined;
  }
}
