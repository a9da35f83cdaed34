import { conflict } from '@suite/platform';
import { Prisma } from '@suite/db/orders';
import { OrderStatus } from './order-types';

/**
 * The order lifecycle. CONFIRMED/PROCESSING -> REFUNDED is deliberately absent: a refund before
 * delivery goes through the refunds flow (payments), never through a plain status change. ON_HOLD is
 * where a paid order waits when catalog could not give it its stock (STOCK_UNAVAILABLE).
 */
export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['CONFIRMED', 'CANCELLED', 'ON_HOLD'],
  CONFIRMED: ['PROCESSING', 'CANCELLED', 'ON_HOLD'],
  PROCESSING: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: ['COMPLETED', 'REFUNDED'],
  COMPLETED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
  // Held until someone decides: stock came back (CONFIRMED), the buyer gets their money back (REFUNDED through refunds) or it is called off.
  ON_HOLD: ['CONFIRMED', 'CANCELLED', 'REFUNDED'],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function invalidTransition(from: OrderStatus, to: OrderStatus) {
  return conflict('ORDERS.INVALID_TRANSITION', `An order cannot go from ${from} to ${to}.`, { from, to });
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw invalidTransition(from, to);
}

/** Timestamps a status sets on the order itself. */
const STAMPS: Partial<Record<OrderStatus, 'shippedAt' | 'deliveredAt' | 'cancelledAt'>> = {
  SHIPPED: 'shippedAt',
  DELIVERED: 'deliveredAt',
  CANCELLED: 'cancelledAt',
};

/**
 * Moves an order and writes its history row (who, when, why) in the caller's transaction. The
 * update is conditional on the status the caller read: of two concurrent changes one wins, the
 * other gets the same 409 as an invalid transition, naming the status it found.
 */
export async function transition(
  tx: Prisma.TransactionClient,
  order: { id: string; status: OrderStatus },
  to: OrderStatus,
  actorId: string | null,
  reason: string | null,
  /** when several steps are taken in one transaction: their rows would share its now() and read in no order */
  at?: Date,
): Promise<void> {
  assertTransition(order.status, to);
  const stamp = STAMPS[to];
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: { status: to, ...(stamp ? { [stamp]: new Date() } : {}) },
  });
  if (updated.count === 0) {
    const current = await tx.order.findUnique({ where: { id: order.id }, select: { status: true } });
    throw invalidTransition(current?.status ?? order.status, to);
  }
  await tx.orderStatusHistory.create({
    data: { orderId: order.id, fromStatus: order.status, toStatus: to, actorId, reason, ...(at ? { createdAt: at } : {}) },
  });
}
