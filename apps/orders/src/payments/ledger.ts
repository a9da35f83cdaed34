import { Prisma } from '@suite/db/orders';
import { AppError } from '@suite/platform';

type Db = Pick<Prisma.TransactionClient, 'transaction' | 'payment'>;

export interface LedgerBalance {
  /** sum(PAYMENT) - sum(|REFUND|) over the order's transaction rows */
  ledger: Prisma.Decimal;
  /** paid - refunded as recorded on the order's payments */
  recorded: Prisma.Decimal;
  balanced: boolean;
}

const SETTLED: Prisma.PaymentWhereInput['status'] = { in: ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'] };
const zero = () => new Prisma.Decimal(0);

/** The ledger invariant of an order: its transaction rows must sum to what its payments say. */
export async function ledgerBalance(db: Db, orderId: string): Promise<LedgerBalance> {
  const rows = await db.transaction.findMany({
    where: { orderId, type: { in: ['PAYMENT', 'REFUND'] }, status: 'COMPLETED' },
    select: { type: true, amount: true },
  });
  const ledger = rows.reduce((sum, r) => (r.type === 'PAYMENT' ? sum.add(r.amount) : sum.sub(r.amount.abs())), zero());
  const payments = await db.payment.findMany({ where: { orderId, status: SETTLED }, select: { amount: true, refundedAmount: true } });
  const recorded = payments.reduce((sum, p) => sum.add(p.amount).sub(p.refundedAmount), zero());
  return { ledger, recorded, balanced: ledger.equals(recorded) };
}

/** Called at the end of every money transaction: an unbalanced ledger rolls the whole change back. */
export async function assertLedgerBalanced(db: Db, orderId: string): Promise<void> {
  const balance = await ledgerBalance(db, orderId);
  if (!balance.balanced)
    throw new AppError('internal', 'ORDERS.LEDGER_UNBALANCED', 'The order ledger does not match its payments.', {
      orderId,
      ledger: balance.ledger.toFixed(2),
      recorded: balance.recorded.toFixed(2),
    });
}
