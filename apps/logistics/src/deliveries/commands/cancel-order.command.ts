import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryOrderStatus, DeliveryOrderView } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, conflict, UnitOfWork } from '@suite/platform';
import { requireDeliveryPermission } from '../delivery-access';
import { deliveryStatusChanged } from '../delivery-events';
import { mayCancel } from '../delivery-status';
import { deliveryOrderNotFound, OrderRow, toOrderView } from '../delivery-views';
import { LALAMOVE_API, LalamoveApi, LalamoveRefusal } from '../lalamove/lalamove-api';
import { LalamoveConfig } from '../lalamove/lalamove.config';

type Tx = Prisma.TransactionClient;

export class CancelDeliveryOrderCommand extends Command<DeliveryOrderView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly deliveryOrderId: string,
  ) {
    super();
  }
}

/** The order, locked for this transaction (a webhook changing it waits), or 404. */
export async function lockOrder(tx: Tx, where: { id: string } | { orderId: string }): Promise<OrderRow | null> {
  const rows =
    'id' in where
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM lalamove_orders WHERE id = ${where.id}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM lalamove_orders WHERE order_id = ${where.orderId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.lalamoveOrder.findUniqueOrThrow({ where: { id: rows[0].id } });
}

/**
 * Cancels at Lalamove where it allows it (mayCancel), then records CANCELED with its event. The row
 * stays locked while Lalamove answers, so a webhook about the pickup cannot slip in between the check
 * and the cancel; Lalamove's own refusal is the same 409.
 */
@CommandHandler(CancelDeliveryOrderCommand)
export class CancelDeliveryOrderHandler implements ICommandHandler<CancelDeliveryOrderCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    @Inject(LALAMOVE_API) private readonly lalamove: LalamoveApi,
    private readonly config: LalamoveConfig,
  ) {}

  async execute({ caller, deliveryOrderId }: CancelDeliveryOrderCommand): Promise<DeliveryOrderView> {
    requireDeliveryPermission(caller, 'deliveries:update');
    return this.uow.run(
      async (tx) => {
        const order = await lockOrder(tx, { id: deliveryOrderId });
        if (!order) throw deliveryOrderNotFound();
        const from = order.status as DeliveryOrderStatus;
        const verdict = mayCancel(from, order.onGoingAt, new Date(), this.config.LALAMOVE_CANCEL_WINDOW_SECONDS);
        if (!verdict.ok) throw conflict('LOGISTICS.DELIVERY_CANCEL_NOT_ALLOWED', verdict.reason, { currentStatus: from });
        await this.lalamove.cancelOrder(order.orderId).catch((error: unknown) => {
          if (error instanceof LalamoveRefusal)
            throw conflict('LOGISTICS.DELIVERY_CANCEL_NOT_ALLOWED', `Lalamove refused the cancel: ${error.detail}`, {
              currentStatus: from,
              lalamoveError: error.errorId,
            });
          throw error;
        });
        const updated = await tx.lalamoveOrder.update({
          where: { id: order.id },
          data: { status: 'CANCELED', statusChangedAt: new Date() },
        });
        await deliveryStatusChanged(tx, updated, from, 'API');
        return toOrderView(updated);
      },
      { timeout: 30000 },
    );
  }
}
