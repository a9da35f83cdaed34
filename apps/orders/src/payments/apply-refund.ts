import { OrderEvent, OrdersEvents } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/orders';
import { enqueueEvent } from '@suite/platform';
import { OrderStatus } from '../orders/order-types';
import { assertLedgerBalanced } from './ledger';
import { planRefund } from './refund-math';

type Tx = Prisma.TransactionClient;

/** Order statuses a full refund ends in REFUNDED from; a cancelled order keeps CANCELLED (its payment status says refunded). */
const REFUNDABLE_STATUSES: OrderStatus[] = ['CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

/** The goods have left the warehouse (imported orders may arrive in these without a shippedAt). */
const SHIPPED_STATUSES: OrderStatus[] = ['SHIPPED', 'DELIVERED', 'COMPLETED'];

export interface RefundEntry {
  orderId: string;
  /** The payment row, already locked FOR UPDATE by the caller. */
  payment: Prisma.PaymentGetPayload<object>;
  amount: Prisma.Decimal;
  /** The provider's refund id, or our own reference when no provider moved the money. */
  reference: string;
  reason: string;
  actorId: string | null;
  metadata?: Record<string, unknown>;
  /** A logistics return this refund pays out (unique on transactions). */
  returnId?: string;
}

/**
 * What every refund records, in the caller's transaction: the payment's refunded amount and status,
 * a REFUND transaction, the order's payment status (and REFUNDED with a history row when fully
 * refunded), the balanced ledger and the refunded event. planRefund refuses more than was paid.
 */
export async function applyRefund(tx: Tx, entry: RefundEntry) {
  const { orderId, payment, amount } = entry;
  const plan = planRefund(payment.amount, payment.refundedAmount, amount);
  const now = new Date();
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedAmount: plan.refundedAmount, status: plan.status, refundedAt: now },
  });
  await tx.transaction.create({
    data: {
      orderId,
      paymentId: payment.id,
      type: 'REFUND',
      amount: amount.neg(),
      currency: payment.currency,
      reference: entry.reference,
      metadata: { reason: entry.reason, actorId: entry.actorId, ...entry.metadata } as Prisma.InputJsonObject,
      returnId: entry.returnId ?? null,
    },
  });
  const current = await tx.order.update({ where: { id: orderId }, data: { paymentStatus: plan.status } });
  const status = plan.status === 'REFUNDED' && REFUNDABLE_STATUSES.includes(current.status) ? 'REFUNDED' : current.status;
  if (status !== current.status) {
    // order-status.ts leaves X -> REFUNDED to this flow on purpose (a refund is not a plain status change);
    // the row is locked by the update above, so no concurrent change slips in between
    await tx.order.update({ where: { id: orderId }, data: { status } });
    await tx.orderStatusHistory.create({
      data: { orderId, fromStatus: current.status, toStatus: status, actorId: entry.actorId, reason: `refunded: ${entry.reason}` },
    });
  }
  await assertLedgerBalanced(tx, orderId);
  // current.status is still the status before the refund: whether the goods had left decides if catalog restocks them
  const shipped = current.shippedAt !== null || SHIPPED_STATUSES.includes(current.status);
  const event: OrderEvent = {
    orderId,
    orderCode: current.orderCode,
    orderNumber: current.orderNumber,
    status,
    storeId: current.storeId,
    userId: current.userId,
    total: current.total.toFixed(2),
    currency: current.currency,
  };
  await enqueueEvent(tx, OrdersEvents.OrderRefunded, {
    ...event,
    paymentId: payment.id,
    amount: amount.toFixed(2),
    refundedAmount: plan.refundedAmount.toFixed(2),
    paymentStatus: plan.status,
    shipped,
  });
  return { paymentId: payment.id, amount: amount.toFixed(2), refundedAmount: plan.refundedAmount.toFixed(2), paymentStatus: plan.status };
}
