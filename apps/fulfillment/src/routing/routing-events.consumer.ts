import { Injectable } from '@nestjs/common';
import { DesignApproved, DesignApprovedPayload } from '@suite/contracts/catalog';
import { OrderCancelled, OrderCancelledPayload, OrderEventPayload, OrderPaid, OrderPlaced } from '@suite/contracts/orders';
import { OnEvent } from '@suite/platform';
import { CancelOrderFulfillmentsCommand, DesignApprovedCommand, RouteOrderCommand } from './commands/route.commands';

/** A placed order is ready to fulfil when it needs no payment first: cash on delivery, or imported (paid on the marketplace). */
export const readyWhenPlaced = (event: OrderEventPayload): boolean => event.paymentMethod === 'COD' || event.imported === true;

/**
 * Several orders' decisions at once: routing locks nothing but the order and claims the chosen
 * factory's capacity (one row a day per factory) as it writes, so each decision runs in a transaction
 * of its own (maxBatch 1) and holds that row only until it commits; in a batch the row would stay
 * locked through the batch's other decisions, and concurrent batches would queue, or deadlock, on it.
 */
const ROUTING = { concurrency: 8, maxBatch: 1 };

/**
 * Routing follows orders' and catalog's events. A design approval routes all the fulfillments it
 * releases in one transaction, one at a time per process (concurrency 1).
 */
@Injectable()
export class RoutingEventsConsumer {
  @OnEvent(OrderPlaced, { name: 'route-on-order-placed', ...ROUTING })
  onPlaced(event: OrderEventPayload) {
    return readyWhenPlaced(event) ? new RouteOrderCommand(event) : undefined;
  }

  @OnEvent(OrderPaid, { name: 'route-on-order-paid', ...ROUTING })
  onPaid(event: OrderEventPayload) {
    return new RouteOrderCommand(event);
  }

  @OnEvent(OrderCancelled, { name: 'fail-on-order-cancelled' })
  onCancelled(event: OrderCancelledPayload) {
    return new CancelOrderFulfillmentsCommand(event);
  }

  @OnEvent(DesignApproved, { name: 'route-on-design-approved', concurrency: 1 })
  onDesignApproved(event: DesignApprovedPayload) {
    return new DesignApprovedCommand(event.designId);
  }
}
