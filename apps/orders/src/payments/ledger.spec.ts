import { Prisma } from '@suite/db/orders';
import { assertLedgerBalanced, ledgerBalance } from './ledger';

const d = (v: string) => new Prisma.Decimal(v);

/** Just the two reads the ledger makes, with rows as Prisma returns them. */
function fakeDb(transactions: { type: string; amount: string }[], payments: { amount: string; refundedAmount: string }[]) {
  return {
    transaction: { findMany: async () => transactions.map((t) => ({ type: t.type, amount: d(t.amount) })) },
    payment: { findMany: async () => payments.map((p) => ({ amount: d(p.amount), refundedAmount: d(p.refundedAmount) })) },
  } as unknown as Parameters<typeof ledgerBalance>[0];
}

describe('ledger balance', () => {
  it('is balanced after a payment and two refunds (refund rows are negative)', async () => {
    const db = fakeDb(
      [
        { type: 'PAYMENT', amount: '1234.50' },
        { type: 'REFUND', amount: '-234.50' },
        { type: 'REFUND', amount: '-1000.00' },
      ],
      [{ amount: '1234.50', refundedAmount: '1234.50' }],
    );
    const balance = await ledgerBalance(db, 'order');
    expect([balance.ledger.toFixed(2), balance.recorded.toFixed(2), balance.balanced]).toEqual(['0.00', '0.00', true]);
  });

  it('counts a refund by its absolute value', async () => {
    const db = fakeDb(
      [
        { type: 'PAYMENT', amount: '10.00' },
        { type: 'REFUND', amount: '3.00' },
      ],
      [{ amount: '10.00', refundedAmount: '3.00' }],
    );
    expect((await ledgerBalance(db, 'order')).ledger.toFixed(2)).toBe('7.00');
  });

  it('an unrecorded payment row unbalances it, and the assertion rolls back with ORDERS.LEDGER_UNBALANCED', async () => {
    const db = fakeDb(
      [
        { type: 'PAYMENT', amount: '10.00' },
        { type: 'PAYMENT', amount: '10.00' },
      ],
      [{ amount: '10.00', refundedAmount: '0' }],
    );
    expect((await ledgerBalance(db, 'order')).balanced).toBe(false);
    await expect(assertLedgerBalanced(db, 'order')).rejects.toMatchObject({
      code: 'ORDERS.LEDGER_UNBALANCED',
      details: { ledger: '20.00', recorded: '10.00' },
    });
  });
});
