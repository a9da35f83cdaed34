import { Prisma } from '@suite/db/orders';
import { AppError } from '@suite/platform';
import { toCentavos } from './provider';
import { planRefund } from './refund-math';

const d = (v: string) => new Prisma.Decimal(v);

describe('refund arithmetic', () => {
  it('a partial refund leaves the payment PARTIALLY_REFUNDED', () => {
    const plan = planRefund(d('100.00'), d('0'), d('30.10'));
    expect([plan.refundedAmount.toFixed(2), plan.status]).toEqual(['30.10', 'PARTIALLY_REFUNDED']);
  });

  it('refunding the rest exactly makes it REFUNDED, with no float drift', () => {
    const plan = planRefund(d('0.30'), d('0.10'), d('0.20'));
    expect([plan.refundedAmount.toFixed(2), plan.status]).toEqual(['0.30', 'REFUNDED']);
  });

  it('more than what remains is 422 REFUND_EXCEEDS_PAID naming the amount', () => {
    try {
      planRefund(d('100.00'), d('70.00'), d('30.01'));
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'ORDERS.REFUND_EXCEEDS_PAID', status: 422, details: { amount: '30.01', refundable: '30.00' } });
    }
  });

  it('zero is refused naming the amount field', () => {
    expect(() => planRefund(d('10.00'), d('0'), d('0'))).toThrow(expect.objectContaining({ code: 'ORDERS.REFUND_AMOUNT_INVALID' }));
  });

  it('converts pesos to centavos exactly', () => {
    expect([toCentavos(d('1234.56')), toCentavos(d('0.29')), toCentavos(d('10'))]).toEqual([123456, 29, 1000]);
  });
});
