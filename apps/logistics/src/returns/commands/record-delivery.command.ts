import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ShipmentStatusChangedPayload } from '@suite/contracts/logistics';
import { OrderEventPayload } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/logistics';
import { UnitOfWork } from '@suite/platform';

type Tx = Prisma.TransactionClient;

export class RecordOrderLinesCommand {
  constructor(readonly event: OrderEventPayload) {}
}

/** Keeps the placed order's lines; a repeated event finds them there and adds nothing. */
@CommandHandler(RecordOrderLinesCommand)
export class RecordOrderLinesHandler implements ICommandHandler<RecordOrderLinesCommand, number> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ event }: RecordOrderLinesCommand): Promise<number> {
    return this.uow.run(async (tx) => {
      const { count } = await tx.orderLine.createMany({
        data: (event.items ?? []).map((item) => ({
          orderItemId: item.orderItemId,
          orderId: event.orderId,
          productId: item.productId,
          systemVariantId: item.systemVariantId ?? null,
          sku: item.sku ?? null,
          quantity: item.quantity,
          userId: event.userId ?? null,
          teamId: event.teamId ?? null,
          storeId: event.storeId ?? null,
        })),
        skipDuplicates: true,
      });
      return count;
    });
  }
}

export class RecordDeliveryCommand {
  constructor(readonly event: ShipmentStatusChangedPayload) {}
}

/**
 * Records what a DELIVERED shipment brought: one row per (shipment, order item), inserted once, so
 * the same delivery reported again (redelivery, a second DELIVERED from the carrier) counts once.
 * Quantities of one item over several shipments add up.
 */
@CommandHandler(RecordDeliveryCommand)
export class RecordDeliveryHandler implements ICommandHandler<RecordDeliveryCommand, number> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ event }: RecordDeliveryCommand): Promise<number> {
    const deliveredAt = new Date(event.proofOfDelivery?.receivedAt ?? event.occurredAt);
    return this.uow.run(async (tx) => {
      const { count } = await tx.deliveredItem.createMany({
        data: event.items.map((item) => ({
          shipmentId: event.shipmentId,
          orderId: event.orderId,
          orderItemId: item.orderItemId,
          quantity: item.quantity,
          userId: event.userId ?? null,
          teamId: event.teamId ?? null,
          storeId: event.storeId ?? null,
          deliveredAt,
        })),
        skipDuplicates: true,
      });
      return count;
    });
  }
}
