import { Prisma } from '@suite/db/orders';
import { AppError } from '@suite/platform';

export interface RefundPlan {
  refundedAmount: Prisma.Decimal;
  status: 'PARTIALLY_REFUNDED' | 'REFUNDED';
}

/** What a refund of `requested` does to a payment of `paid` of which `alreadyRefunded` went back. Decimal only. */
export function planRefund(paid: Prisma.Decimal, alreadyRefunded: Prisma.Decimal, requested: Prisma.Decimal): RefundPlan {
  const remaining = paid.sub(alreadyRefunded);
  if (requested.lte(0)) {
    throw new AppError('invalid', 'ORDERS.REFUND_AMOUNT_INVALID', 'A refund amount must be above zero.', {
      errors: [{ field: 'amount', messages: ['must be above zero'] }],
    });
  }
  if (requested.gt(remaining)) {
    throw new AppError(
      'invalid',
      'ORDERS.REFUND_EXCEEDS_PAID',
      `A refund of ${requested.toFixed(2)} exceeds the ${remaining.toFixed(2)} still refundable.`,
      {
        amount: requested.toFixed(2),
        refundable: remaining.toFixed(2),
        errors: [{ field: 'amount', messages: [`at most ${remaining.toFixed(2)}`] }],
      },
      422,
    );
  }
  const refundedAmount = alreadyRefunded.add(requested);
  return { refundedAmount, status: refundedAmount.equals(paid) ? 'REFUNDED' : 'PARTIALLY_REFUNDED' };
}
