import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrderCancelledPayload, OrderEventPayload } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/fulfillment';
import { UnitOfWork } from '@suite/platform';
import { FulfillmentStatusService } from '../../fulfillments/fulfillment-status.service';
import { lockOrderRouting } from '../candidate-query';
import { Router } from '../router.service';

type Tx = Prisma.TransactionClient;

/** An order is ready to fulfil (COD or imported when placed, or paid): route it once. */
export class RouteOrderCommand {
  constructor(readonly event: OrderEventPayload) {}
}

@CommandHandler(RouteOrderCommand)
export class RouteOrderHandler implements ICommandHandler<RouteOrderCommand, void> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly router: Router,
  ) {}

  execute({ event }: RouteOrderCommand): Promise<void> {
    return this.uow.run((tx) => this.router.routeOrder(tx, event));
  }
}

/** The order was cancelled: what has not shipped fails with the reason, its blanks and capacity go back, its holds are lifted. */
export class CancelOrderFulfillmentsCommand {
  constructor(readonly event: OrderCancelledPayload) {}
}

@CommandHandler(CancelOrderFulfillmentsCommand)
export class CancelOrderFulfillmentsHandler implements ICommandHandler<CancelOrderFulfillmentsCommand, number> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly statuses: FulfillmentStatusService,
  ) {}

  execute({ event }: CancelOrderFulfillmentsCommand): Promise<number> {
    return this.uow.run(async (tx) => {
      // the same lock as routing: a cancel never interleaves with the routing of its order
      await lockOrderRouting(tx, event.orderId);
      const open = await tx.fulfillment.findMany({
        where: { orderId: event.orderId, status: { in: ['PENDING', 'IN_PRODUCTION'] } },
        orderBy: { id: 'asc' },
      });
      const reason = `order cancelled${event.reason ? `: ${event.reason}` : ''}`;
      for (const f of open)
        await this.statuses.change(tx, f.id, { status: 'FAILED', reason, by: 'evt.orders.order.cancelled', reroute: false }, 'skip');
      return open.length;
    });
  }
}

/** Catalog approved a design: remember it, lift the DESIGN_NOT_READY holds of items with it and route what is free. */
export class DesignApprovedCommand {
  constructor(readonly designId: string) {}
}

@CommandHandler(DesignApprovedCommand)
export class DesignApprovedHandler implements ICommandHandler<DesignApprovedCommand, number> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly router: Router,
  ) {}

  execute({ designId }: DesignApprovedCommand): Promise<number> {
    return this.uow.run(async (tx) => {
      await tx.approvedDesign.upsert({ where: { designId }, create: { designId }, update: {} });
      const holds = await tx.fulfillmentHold.findMany({
        where: { reason: 'DESIGN_NOT_READY', releasedAt: null, fulfillment: { items: { some: { designId } } } },
        include: { fulfillment: { include: { items: true } } },
        orderBy: { fulfillmentId: 'asc' },
      });
      let released = 0;
      for (const hold of holds) {
        const designIds = [...new Set(hold.fulfillment.items.map((i) => i.designId).filter((d): d is string => !!d))];
        const approved = await tx.approvedDesign.count({ where: { designId: { in: designIds } } });
        if (approved < designIds.length) continue; // another design of these items is still waiting
        await tx.fulfillmentHold.update({
          where: { id: hold.id },
          data: { releasedAt: new Date(), releasedBy: 'evt.catalog.design.approved' },
        });
        await this.router.routeHeld(tx, hold.fulfillmentId);
        released++;
      }
      return released;
    });
  }
}
