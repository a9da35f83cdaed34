import { Prisma } from '@suite/db/orders';
import { cartTotals, lineSubtotal } from './cart-totals';

const money = (t: ReturnType<typeof cartTotals>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.toFixed(2)]));

describe('cart totals', () => {
  it('3 x 19.99 at 12% tax: 59.97 + 7.20 = 67.17', () => {
    expect(money(cartTotals([{ price: '19.99', quantity: 3 }], '0.12'))).toEqual({
      subtotal: '59.97',
      tax: '7.20',
      shipping: '0.00',
      discount: '0.00',
      total: '67.17',
    });
  });

  it('is exact where floats are not (0.1 + 0.2)', () => {
    const t = cartTotals(
      [
        { price: '0.10', quantity: 1 },
        { price: '0.20', quantity: 1 },
      ],
      '0',
    );
    expect(t.subtotal.toFixed(2)).toBe('0.30');
    expect(t.subtotal.equals(new Prisma.Decimal('0.3'))).toBe(true);
  });

  it('rounds tax half-up to the cent', () => {
    expect(cartTotals([{ price: '0.25', quantity: 1 }], '0.5').tax.toFixed(2)).toBe('0.13'); // 0.125 -> 0.13, not banker's 0.12
    expect(cartTotals([{ price: '10.45', quantity: 1 }], '0.12').tax.toFixed(2)).toBe('1.25'); // 1.254 -> 1.25
    expect(cartTotals([{ price: '10.46', quantity: 1 }], '0.12').tax.toFixed(2)).toBe('1.26'); // 1.2552 -> 1.26
  });

  it('taxes the subtotal once rather than summing rounded line taxes', () => {
    const t = cartTotals(
      [
        { price: '0.04', quantity: 1 },
        { price: '0.04', quantity: 1 },
      ],
      '0.12',
    );
    expect([t.subtotal.toFixed(2), t.tax.toFixed(2), t.total.toFixed(2)]).toEqual(['0.08', '0.01', '0.09']);
  });

  it('is zero for an empty cart, and line subtotals are price x quantity', () => {
    expect(money(cartTotals([], '0.12'))).toEqual({ subtotal: '0.00', tax: '0.00', shipping: '0.00', discount: '0.00', total: '0.00' });
    expect(lineSubtotal({ price: new Prisma.Decimal('1234567.89'), quantity: 100 }).toFixed(2)).toBe('123456789.00');
  });
});
