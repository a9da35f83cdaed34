import { Injectable } from '@nestjs/common';
import { ShipmentStatusChanged, ShipmentStatusChangedPayload } from '@suite/contracts/logistics';
import { OrderEventPayload, OrderPlaced } from '@suite/contracts/orders';
import { OnEvent } from '@suite/platform';
import { RecordDeliveryCommand, RecordOrderLinesCommand } from './commands/record-delivery.command';

/**
 * What returns need to know before anyone asks: the order's lines in catalog's terms (from orders'
 * placed event, so a completed return can tell catalog what to restock) and what each DELIVERED
 * shipment brought to whom (the ceiling of every return and the start of its window).
 */
@Injectable()
export class DeliveryEventsConsumer {
  @OnEvent(OrderPlaced, { name: 'returns-order-lines' })
  onPlaced(event: OrderEventPayload) {
    return event.items?.length ? new RecordOrderLinesCommand(event) : undefined;
  }

  @OnEvent(ShipmentStatusChanged, { name: 'returns-delivered-items' })
  onShipmentStatus(event: ShipmentStatusChangedPayload) {
    return event.status === 'DELIVERED' ? new RecordDeliveryCommand(event) : undefined;
  }
}
