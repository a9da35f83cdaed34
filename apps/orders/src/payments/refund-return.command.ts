import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReturnCompletedPayload } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/orders';
import { UnitOfWork } from '@suite/platform';
import { applyRefund } from './apply-refund';
import { PaymongoProvider } from './paymongo.provider';

export class RefundReturnCommand {
  constructor(readonly event: ReturnCompletedPayload) {}
}

export type ReturnRefundOutcome = 'refunded' | 'already-refunded' | 'nothing-to-refund';

/**
 * Refunds a completed return exactly once: the payment row is locked first, so two deliveries of the
 * completion (even under different message ids) run one after the other, and the second finds the
 * REFUND row of this return (unique return_id) and records nothing. The refund is the return's
 * amount capped at what is still refundable. PayMongo payments are refunded through PayMongo; other
 * payments (cash on delivery) are paid back by hand and recorded with the RMA as reference. The PayMongo refund
 * carries the return as its reference: should this transaction fail after PayMongo refunded, the redelivery finds that
 * refund instead of refunding twice.
 * Outcomes that no redelivery could change (no paid payment, zero amount) are logged, not retried.
 */
@CommandHandler(RefundReturnCommand)
export class RefundReturnHandler implements ICommandHandler<RefundReturnCommand, ReturnRefundOutcome> {
  private readonly logger = new Logger('RefundReturn');

  constructor(
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly paymongo: PaymongoProvider,
  ) {}

  execute({ event }: RefundReturnCommand): Promise<ReturnRefundOutcome> {
    const context = { orderId: event.orderId, returnId: event.returnId, rmaNumber: event.rmaNumber };
    return this.uow.run(
      async (tx) => {
        const [locked] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM payments WHERE order_id = ${event.orderId}::uuid AND status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')
          ORDER BY processed_at DESC LIMIT 1 FOR UPDATE`;
        if (await tx.transaction.findUnique({ where: { returnId: event.returnId }, select: { id: true } })) return 'already-refunded';
        const requested = new Prisma.Decimal(event.refundAmount);
        const payment = locked ? await tx.payment.findUniqueOrThrow({ where: { id: locked.id } }) : null;
        const refundable = payment ? payment.amount.sub(payment.refundedAmount) : new Prisma.Decimal(0);
        const amount = Prisma.Decimal.min(requested, refundable);
        if (!payment || amount.lte(0)) {
          this.logger.warn(
            { ...context, requested: requested.toFixed(2), refundable: refundable.toFixed(2) },
            'return completed with nothing to refund',
          );
          return 'nothing-to-refund';
        }
        const viaProvider = payment.provider === this.paymongo.name && payment.transactionId;
        const reason = `return ${event.rmaNumber} (${event.reason})`;
        const reference = viaProvider
          ? (await this.paymongo.refund({ transactionId: payment.transactionId! }, amount, reason, `return:${event.returnId}`))
              .providerRefundId
          : `return:${event.rmaNumber}`;
        await applyRefund(tx, {
          orderId: event.orderId,
          payment,
          amount,
          reference,
          reason,
          actorId: event.actorId ?? null,
          returnId: event.returnId,
          metadata: { returnId: event.returnId, rmaNumber: event.rmaNumber, requested: requested.toFixed(2) },
        });
        return 'refunded';
      },
      { timeout: 20000 },
    );
  }
}
