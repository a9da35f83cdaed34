import { encodeCursor } from '@suite/platform';
import { readRuleCursor, ruleKeyOf, rulesAfter } from './routing-rule-cursor';

const ID = '0b9b3c3e-9a53-4d0e-8d53-0a4f1f6e7b10';

describe('routing rule cursor', () => {
  it('reads back the key of the last row', () => {
    const cursor = encodeCursor(ruleKeyOf({ priority: 10, createdAt: '2026-12-02T07:00:00.000Z', id: ID }));
    expect(readRuleCursor(cursor)).toEqual({ priority: 10, at: new Date('2026-12-02T07:00:00.000Z'), id: ID });
    expect(rulesAfter(cursor)?.OR).toHaveLength(3);
    expect(rulesAfter(undefined)).toBeUndefined();
  });

  it('refuses a cursor it did not make', () => {
    for (const key of [
      { p: 'x', t: '2026-12-02T07:00:00.000Z', i: ID },
      { p: 1, t: 'soon', i: ID },
      { p: 1, t: '2026-12-02T07:00:00.000Z', i: 'x' },
    ])
      expect(() => readRuleCursor(encodeCursor(key))).toThrow(expect.objectContaining({ code: 'PLATFORM.INVALID_CURSOR' }));
  });
});
