import { Injectable } from '@nestjs/common';
import { OrderEvent, OrdersEvents, RefundDto, RefundView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { CallerIdentity, conflict, enqueueEvent, InjectDb, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from '../orders/order-access';
import { OrderStatus } from '../orders/order-types';
import { PaymongoProvider } from './paymongo.provider';
import { assertLedgerBalanced } from './ledger';
import { planRefund } from './refund-math';

/** Order statuses a full refund ends in REFUNDED from; a cancelled order keeps CANCELLED (its payment status says refunded). */
const REFUNDABLE_STATUSES: OrderStatus[] = ['CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

/** The goods have left the warehouse (imported orders may arrive in these without a shippedAt). */
const SHIPPED_STATUSES: OrderStatus[] = ['SHIPPED', 'DELIVERED', 'COMPLETED'];

/**
 * Refunds through the provider. The payment row is locked (FOR UPDATE) for the whole refund, so two
 * refunds of one payment run one after the other and never together exceed what was paid; the
 * provider is called inside that transaction, so a refund it refuses leaves nothing recorded.
 */
@Injectable()
export class RefundsService {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly access: OrderAccess,
    private readonly paymongo: PaymongoProvider,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async refund(caller: CallerIdentity, orderId: string, body: RefundDto): Promise<RefundView> {
    requirePermission(caller, 'payments:create');
    const order = await this.db.order.findFirst({ where: { AND: [{ id: orderId }, await this.access.scope(caller)] } });
    if (!order) throw notFound('ORDERS.ORDER_NOT_FOUND', 'No such order.', { errors: [{ field: 'id', messages: ['order not found'] }] });
    const requested = new Prisma.Decimal(body.amount);
    const view = await this.uow.run(
      async (tx) => {
        const [locked] = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM payments WHERE order_id = ${orderId}::uuid AND status IN ('PAID', 'PARTIALLY_REFUNDED') ORDER BY processed_at DESC LIMIT 1 FOR UPDATE`;
        if (!locked) throw conflict('ORDERS.NOTHING_TO_REFUND', 'The order has no paid payment to refund.', { orderId });
        const payment = await tx.payment.findUniqueOrThrow({ where: { id: locked.id } });
        // cash-on-delivery money goes back by hand, not through a provider: not this flow
        if (payment.provider !== this.paymongo.name || !payment.transactionId)
          throw conflict('ORDERS.REFUND_NOT_SUPPORTED', `Payments through ${payment.provider} cannot be refunded here.`, {
            provider: payment.provider,
          });
        const plan = planRefund(payment.amount, payment.refundedAmount, requested);
        const { providerRefundId } = await this.paymongo.refund({ transactionId: payment.transactionId }, requested, body.reason);
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
            amount: requested.neg(),
            currency: payment.currency,
            reference: providerRefundId,
            metadata: { reason: body.reason, actorId: caller.userId ?? null },
          },
        });
        const current = await tx.order.update({ where: { id: orderId }, data: { paymentStatus: plan.status } });
        const status = plan.status === 'REFUNDED' && REFUNDABLE_STATUSES.includes(current.status) ? 'REFUNDED' : current.status;
        if (status !== current.status) {
          // order-status.ts leaves X -> REFUNDED to this flow on purpose (a refund is not a plain status change);
          // the row is locked by the update above, so no concurrent change slips in between
          await tx.order.update({ where: { id: orderId }, data: { status } });
          await tx.orderStatusHistory.create({
            data: {
              orderId,
              fromStatus: current.status,
              toStatus: status,
              actorId: caller.userId ?? null,
              reason: `refunded: ${body.reason}`,
            },
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
          amount: requested.toFixed(2),
          refundedAmount: plan.refundedAmount.toFixed(2),
          paymentStatus: plan.status,
          shipped,
        });
        return {
          paymentId: payment.id,
          providerRefundId,
          amount: requested.toFixed(2),
          refundedAmount: plan.refundedAmount.toFixed(2),
          paymentStatus: plan.status,
        };
      },
      { timeout: 20000 },
    );
    return view;
  }
}
