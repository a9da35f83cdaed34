import { canMove, decideAfterCheck, newBatchNumber } from './production-rules';

const check = (over: Partial<Parameters<typeof decideAfterCheck>[0]> = {}) =>
  decideAfterCheck({ stage: 'POST_PRODUCTION', result: 'FAIL', hasItem: true, reprintCount: 0, maxReprints: 2, ...over });

describe('production rules', () => {
  it('reprints an item failed after production while under the limit, and fails it at the limit', () => {
    expect(check({ reprintCount: 0 })).toBe('REPRINT');
    expect(check({ reprintCount: 1, stage: 'PRE_SHIPPING' })).toBe('REPRINT');
    expect(check({ reprintCount: 2 })).toBe('FAILED');
    expect(check({ reprintCount: 5 })).toBe('FAILED');
    expect(check({ reprintCount: 0, maxReprints: 0 })).toBe('FAILED');
  });

  it('leaves the item alone for a pass, a conditional, an earlier stage or a batch-wide check', () => {
    expect(check({ result: 'PASS' })).toBe('NONE');
    expect(check({ result: 'CONDITIONAL' })).toBe('NONE');
    expect(check({ stage: 'PRE_PRODUCTION' })).toBe('NONE');
    expect(check({ stage: 'IN_PRODUCTION', reprintCount: 9 })).toBe('NONE');
    expect(check({ hasItem: false })).toBe('NONE');
  });

  it('moves batches PLANNED -> IN_PROGRESS -> COMPLETED and cancels them only before completion', () => {
    expect(canMove('PLANNED', 'IN_PROGRESS')).toBe(true);
    expect(canMove('IN_PROGRESS', 'COMPLETED')).toBe(true);
    expect(canMove('PLANNED', 'CANCELLED')).toBe(true);
    expect(canMove('IN_PROGRESS', 'CANCELLED')).toBe(true);
    expect(canMove('PLANNED', 'COMPLETED')).toBe(false);
    expect(canMove('IN_PROGRESS', 'IN_PROGRESS')).toBe(false);
    expect(canMove('COMPLETED', 'CANCELLED')).toBe(false);
    expect(canMove('CANCELLED', 'IN_PROGRESS')).toBe(false);
  });

  it('generates PB-<date>-<8 characters> batch numbers', () => {
    expect(newBatchNumber(new Date('2026-12-02T07:00:00Z'), () => 35)).toBe('PB-20261202-ZZZZZZZZ');
    expect(newBatchNumber(new Date('2026-12-02T07:00:00Z'))).toMatch(/^PB-20261202-[0-9A-Z]{8}$/);
  });
});
