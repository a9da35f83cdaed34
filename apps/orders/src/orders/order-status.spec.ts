import { AppError } from '@suite/platform';
import { assertTransition, canTransition, TRANSITIONS } from './order-status';

const ALL = ['PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'REFUNDED', 'ON_HOLD'] as const;
const ALLOWED: Record<string, string[]> = {
  PENDING: ['CONFIRMED', 'CANCELLED', 'ON_HOLD'],
  CONFIRMED: ['PROCESSING', 'CANCELLED', 'ON_HOLD'],
  PROCESSING: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: ['COMPLETED', 'REFUNDED'],
  COMPLETED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
  ON_HOLD: ['CONFIRMED', 'CANCELLED', 'REFUNDED'],
};

describe('order status table', () => {
  it('covers every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  for (const from of ALL) {
    for (const to of ALL) {
      const allowed = ALLOWED[from].includes(to);
      it(`${from} -> ${to} is ${allowed ? 'allowed' : '409 ORDERS.INVALID_TRANSITION'}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
        if (allowed) return expect(() => assertTransition(from, to)).not.toThrow();
        try {
          assertTransition(from, to);
          throw new Error('expected a refusal');
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).toPayload()).toMatchObject({
            kind: 'conflict',
            code: 'ORDERS.INVALID_TRANSITION',
            details: { from, to },
          });
        }
      });
    }
  }

  it('refunds before delivery are left to the refunds flow', () => {
    expect(canTransition('CONFIRMED', 'REFUNDED')).toBe(false);
    expect(canTransition('PROCESSING', 'REFUNDED')).toBe(false);
  });
});
