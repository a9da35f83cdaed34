import { RETURN_STATUSES, RETURN_TARGETS } from '@suite/contracts/logistics';
import { canMoveReturn, newRmaNumber, returnable, windowEnd } from './return-rules';

describe('return rules', () => {
  it('allows exactly the lifecycle REQUESTED -> APPROVED|REJECTED -> SHIPPED -> RECEIVED -> PROCESSING -> COMPLETED', () => {
    const allowed = RETURN_STATUSES.flatMap((from) => RETURN_TARGETS.filter((to) => canMoveReturn(from, to)).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(
      [
        'REQUESTED>APPROVED',
        'REQUESTED>REJECTED',
        'APPROVED>SHIPPED',
        'SHIPPED>RECEIVED',
        'RECEIVED>PROCESSING',
        'PROCESSING>COMPLETED',
      ].sort(),
    );
  });

  it('never leaves COMPLETED or REJECTED, never skips a step and never goes back', () => {
    for (const to of RETURN_TARGETS) {
      expect(canMoveReturn('COMPLETED', to)).toBe(false);
      expect(canMoveReturn('REJECTED', to)).toBe(false);
    }
    expect(canMoveReturn('REQUESTED', 'COMPLETED')).toBe(false);
    expect(canMoveReturn('APPROVED', 'RECEIVED')).toBe(false);
    expect(canMoveReturn('RECEIVED', 'APPROVED')).toBe(false);
    expect(canMoveReturn('APPROVED', 'REJECTED')).toBe(false);
  });

  it('numbers RMAs by day with 8 upper-case base-36 characters', () => {
    let n = 0;
    expect(newRmaNumber(new Date('2026-12-02T23:59:00Z'), () => n++ % 36)).toBe('RMA-20261202-01234567');
    expect(newRmaNumber(new Date())).toMatch(/^RMA-\d{8}-[0-9A-Z]{8}$/);
  });

  it('ends the window the configured days after delivery and never makes negative quantities', () => {
    expect(windowEnd(new Date('2026-01-01T10:00:00Z'), 30).toISOString()).toBe('2026-01-31T10:00:00.000Z');
    expect(returnable({ delivered: 3, returned: 1 })).toBe(2);
    expect(returnable({ delivered: 1, returned: 2 })).toBe(0);
  });
});
