import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FulfillmentEventPayload } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/orders';
import { UnitOfWork } from '@suite/platform';
import { nextItemStatus, orderTarget, stepsTo } from '../fulfillment-progress';
import { transition } from '../order-status';

export type FulfillmentEventKind = 'routed' | 'status-changed';

/** What the fulfillment service reported about some of the order's items. */
export class FollowFulfillmentCommand {
  constructor(
    readonly event: FulfillmentEventPayload,
    readonly kind: FulfillmentEventKind,
    /** Who reported it, for the history row: `fulfillment <id>`, or `shipment <id>` when logistics moves the items. */
    readonly source = `fulfillment ${event.fulfillmentId}`,
  ) {}
}

export interface FollowOutcome {
  /** items whose fulfillmentStatus changed */
  items: number;
  /** the statuses the order went through */
  steps: string[];
}

/**
 * Mirrors a fulfillment's items onto the order's items (forward only) and moves the order along
 * CONFIRMED -> PROCESSING -> SHIPPED -> DELIVERED as far as all its items allow, with a history
 * row per step. The order row is locked first, so the routed and status-changed consumers of one
 * order apply one after the other. Idempotent: the same report again finds nothing to change. A
 * move the order's lifecycle does not allow (an unpaid, held, cancelled order) is logged and
 * skipped, never retried: redelivering the event would not make it legal.
 */
@CommandHandler(FollowFulfillmentCommand)
export class FollowFulfillmentHandler implements ICommandHandler<FollowFulfillmentCommand, FollowOutcome | null> {
  private readonly logger = new Logger('FollowFulfillment');

  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  execute({ event, kind, source }: FollowFulfillmentCommand): Promise<FollowOutcome | null> {
    return this.uow.run(async (tx) => {
      const context = { orderId: event.orderId, fulfillmentId: event.fulfillmentId, kind, status: event.status };
      await tx.$queryRaw`SELECT id FROM orders WHERE id = ${event.orderId}::uuid FOR UPDATE`;
      const order = await tx.order.findUnique({ where: { id: event.orderId }, include: { items: true } });
      if (!order) {
        this.logger.warn(context, 'fulfillment event for an unknown order: ignored');
        return null;
      }
      const rows = new Map(order.items.map((i) => [i.id, i]));
      const unknown: string[] = [];
      let changed = 0;
      for (const item of event.items) {
        const row = rows.get(item.orderItemId);
        if (!row) {
          unknown.push(item.orderItemId);
          continue;
        }
        const next = nextItemStatus(row.fulfillmentStatus, item.status);
        if (!next) continue;
        await tx.orderItem.update({ where: { id: row.id }, data: { fulfillmentStatus: next } });
        row.fulfillmentStatus = next;
        changed++;
      }
      if (unknown.length > 0) this.logger.warn({ ...context, orderItemIds: unknown }, 'items not of this order: ignored');

      const shipped = event.status === 'SHIPPED' || event.status === 'DELIVERED';
      if (shipped && event.trackingNumber && !order.trackingNumber)
        await tx.order.update({ where: { id: order.id }, data: { trackingNumber: event.trackingNumber } });

      const target = orderTarget(
        order.items.map((i) => i.fulfillmentStatus),
        kind === 'routed',
      );
      const steps = target ? stepsTo(order.status, target) : [];
      if (steps === null) {
        this.logger.warn({ ...context, orderStatus: order.status, target }, 'order not moved: the transition is not legal from its status');
        return { items: changed, steps: [] };
      }
      const reason = `${source} ${kind === 'routed' ? 'routed' : event.status.toLowerCase()}`;
      // A walk of several steps: each history row a millisecond after the last, so they read in order.
      const now = Date.now();
      let current = order.status;
      for (const [i, step] of steps.entries()) {
        await transition(tx, { id: order.id, status: current }, step, null, reason, steps.length > 1 ? new Date(now + i) : undefined);
        current = step;
      }
      return { items: changed, steps };
    });
  }
}
