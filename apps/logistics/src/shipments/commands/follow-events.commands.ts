import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FulfillmentEventPayload } from '@suite/contracts/fulfillment';
import { OrderEventPayload } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/logistics';
import { UnitOfWork } from '@suite/platform';
import { LogisticsConfig } from '../../config';
import { moveShipment } from '../shipment-moves';

type Tx = Prisma.TransactionClient;

/** Orders placed an order: remember its owners and lines (who may see its shipments, what it can ship). */
export class RecordOrderCommand {
  constructor(readonly event: OrderEventPayload) {}
}

@CommandHandler(RecordOrderCommand)
export class RecordOrderHandler implements ICommandHandler<RecordOrderCommand, void> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ event }: RecordOrderCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const owners = { userId: event.userId ?? null, teamId: event.teamId ?? null, storeId: event.storeId ?? null };
      await tx.shipmentOrder.upsert({
        where: { orderId: event.orderId },
        create: { orderId: event.orderId, orderCode: event.orderCode, ...owners },
        update: { orderCode: event.orderCode, ...owners },
      });
      await tx.shipmentOrderItem.createMany({
        data: (event.items ?? []).map((i) => ({ orderItemId: i.orderItemId, orderId: event.orderId, quantity: i.quantity })),
        skipDuplicates: true,
      });
      // a shipment opened before this event arrived (the two streams are not ordered) gets its owners now
      await tx.shipment.updateMany({ where: { orderId: event.orderId }, data: owners });
    });
  }
}

/** Fulfillment shipped a fulfillment: open its shipment (once; fulfillmentId is unique), DISPATCHED with the carrier's tracking. */
export class OpenShipmentFromFulfillmentCommand {
  constructor(readonly event: FulfillmentEventPayload) {}
}

@CommandHandler(OpenShipmentFromFulfillmentCommand)
export class OpenShipmentFromFulfillmentHandler implements ICommandHandler<OpenShipmentFromFulfillmentCommand, string | null> {
  private readonly logger = new Logger('OpenShipmentFromFulfillment');

  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: LogisticsConfig,
  ) {}

  execute({ event }: OpenShipmentFromFulfillmentCommand): Promise<string | null> {
    return this.uow.run(async (tx) => {
      const existing = await tx.shipment.findUnique({ where: { fulfillmentId: event.fulfillmentId }, select: { id: true } });
      if (existing) return null;
      const items = event.items.filter((i) => i.status !== 'FAILED' && i.quantity > 0);
      const order = await tx.shipmentOrder.findUnique({ where: { orderId: event.orderId } });
      if (!order)
        this.logger.warn({ orderId: event.orderId }, 'shipment opened before its order is known: owners follow with the order event');
      const tracking = event.trackingNumber?.trim() || null;
      const carrier = event.carrier?.trim() || null;
      const shipment = await tx.shipment.create({
        data: {
          orderId: event.orderId,
          fulfillmentId: event.fulfillmentId,
          userId: order?.userId ?? null,
          teamId: order?.teamId ?? null,
          storeId: order?.storeId ?? null,
          carrier,
          trackingNumber: tracking,
          trackingProvider: tracking ? this.config.TRACKING_DEFAULT_PROVIDER : null,
          source: 'FULFILLMENT',
          items: { create: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })) },
          ...(tracking
            ? {
                legs: {
                  create: {
                    sequence: 1,
                    carrier: carrier ?? 'UNKNOWN',
                    trackingNumber: tracking,
                    status: 'DISPATCHED',
                    handedOverAt: new Date(),
                  },
                },
              }
            : {}),
        },
      });
      await moveShipment(tx, shipment, 'DISPATCHED', new Date());
      return shipment.id;
    });
  }
}
