import { Injectable } from '@nestjs/common';
import { RefundDto, RefundView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { CallerIdentity, conflict, InjectDb, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from '../orders/order-access';
import { PaymongoProvider } from './paymongo.provider';
import { applyRefund } from './apply-refund';
import { planRefund } from './refund-math';

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
        // asked first so a refusal beyond what was paid costs no provider call
        planRefund(payment.amount, payment.refundedAmount, requested);
        const { providerRefundId } = await this.paymongo.refund({ transactionId: payment.transactionId }, requested, body.reason);
        const applied = await applyRefund(tx, {
          orderId,
          payment,
          amount: requested,
          reference: providerRefundId,
          reason: body.reason,
          actorId: caller.userId ?? null,
        });
        return { ...applied, providerRefundId };
      },
      { timeout: 20000 },
    );
    return view;
  }
}
