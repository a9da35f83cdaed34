import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderHoldReason, OrderOnHold } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/orders';
import { enqueueEvent, UnitOfWork } from '@suite/platform';
import { canTransition, transition } from '../order-status';

/** The order cannot go on as it is; `productIds` name the goods at fault, when there are any. */
export class HoldOrderCommand {
  constructor(
    readonly orderId: string,
    readonly reason: OrderHoldReason,
    readonly productIds: string[] = [],
  ) {}
}

/**
 * ON_HOLD with a history row, the reason on the order and evt.orders.order.on-hold, in one
 * transaction. An order that moved on already (cancelled, held, shipped) is left as it is: the
 * hold no longer applies, and redelivering the event would not change that.
 */
@CommandHandler(HoldOrderCommand)
export class HoldOrderHandler implements ICommandHandler<HoldOrderCommand, boolean> {
  private readonly logger = new Logger('HoldOrder');

  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  execute({ orderId, reason, productIds }: HoldOrderCommand): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const order = await tx.order.findUnique({ where: { id: orderId } });
      if (!order || !canTransition(order.status, 'ON_HOLD')) {
        this.logger.warn({ orderId, status: order?.status ?? null, reason }, 'order not put on hold: it is gone or past holding');
        return false;
      }
      await transition(tx, order, 'ON_HOLD', null, reason);
      await tx.order.update({ where: { id: orderId }, data: { holdReason: reason } });
      await enqueueEvent(tx, OrderOnHold, {
        orderId,
        orderCode: order.orderCode,
        orderNumber: order.orderNumber,
        status: 'ON_HOLD',
        storeId: order.storeId,
        userId: order.userId,
        total: order.total.toFixed(2),
        currency: order.currency,
        paymentMethod: order.paymentMethod,
        stockReserved: order.stockReserved,
        reason,
        productIds,
      });
      return true;
    });
  }
}
