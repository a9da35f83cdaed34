import { Injectable } from '@nestjs/common';
import {
  OrderCancelled,
  OrderCancelledPayload,
  OrderEventPayload,
  OrderPaid,
  OrderPlaced,
  OrderRefunded,
  OrderRefundedPayload,
} from '@suite/contracts/orders';
import { ReturnCompleted, ReturnCompletedPayload } from '@suite/contracts/logistics';
import { OnEvent } from '@suite/platform';
import { ConfirmOrderStockCommand } from './commands/confirm-order-stock.command';
import { ReleaseOrderStockCommand } from './commands/release-order-stock.command';
import { RestockReturnCommand } from './commands/restock-return.command';

/** Durable names (catalog__<name>); ReservationExpiryJob waits for these to catch up. Renaming one starts a new durable. */
export const ORDER_STOCK_HANDLERS = [
  'stock-on-order-placed',
  'stock-on-order-paid',
  'stock-on-order-cancelled',
  'stock-on-order-refunded',
] as const;

/**
 * A placed order waits for its payment, unless it needs none: cash on delivery is CONFIRMED at
 * placement. `stockReserved: false` (imported orders) holds nothing; older events without the
 * field still get a look (no rows means nothing to do).
 */
export function confirmsOnPlacement(event: OrderEventPayload): boolean {
  return event.stockReserved !== false && (event.paymentMethod === 'COD' || event.status === 'CONFIRMED');
}

/**
 * Only a full refund of goods that never left gives units back. Once shipped they are with the
 * buyer or the carrier, not on the shelf: a return puts them back when logistics receives it.
 * A partial refund keeps the order (and its goods) going. Events without `shipped` predate it and
 * are treated as shipped, as selling units that may not exist is worse than units waiting for a count.
 */
export function releasesOnRefund(event: OrderRefundedPayload): boolean {
  return event.paymentStatus === 'REFUNDED' && event.shipped === false;
}

/** Stock follows the order's life through its events, so a catalog that was down catches up instead of losing a confirmation. */
@Injectable()
export class OrderEventsConsumer {
  @OnEvent(OrderPlaced, { name: ORDER_STOCK_HANDLERS[0] })
  onPlaced(event: OrderEventPayload) {
    return confirmsOnPlacement(event) ? new ConfirmOrderStockCommand(event.orderId) : undefined;
  }

  @OnEvent(OrderPaid, { name: ORDER_STOCK_HANDLERS[1] })
  onPaid(event: OrderEventPayload) {
    return event.stockReserved === false ? undefined : new ConfirmOrderStockCommand(event.orderId);
  }

  @OnEvent(OrderCancelled, { name: ORDER_STOCK_HANDLERS[2] })
  onCancelled(event: OrderCancelledPayload) {
    return new ReleaseOrderStockCommand(event.orderId);
  }

  @OnEvent(OrderRefunded, { name: ORDER_STOCK_HANDLERS[3] })
  onRefunded(event: OrderRefundedPayload) {
    return releasesOnRefund(event) ? new ReleaseOrderStockCommand(event.orderId) : undefined;
  }

  /** Returned goods come back through logistics: a completed return restocks its resellable units once. */
  @OnEvent(ReturnCompleted, { name: 'restock-on-return-completed' })
  onReturnCompleted(event: ReturnCompletedPayload) {
    return new RestockReturnCommand(event);
  }
}
