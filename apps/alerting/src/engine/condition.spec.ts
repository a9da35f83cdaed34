import { Condition, validateCondition } from '@suite/contracts/alerting';
import { isActiveAt } from './active-hours';
import { compare, countWindowOf, matches } from './condition-evaluator';
import { fingerprintOf, groupKeyOf } from './event-facts';

const breach = {
  thresholdId: 't1',
  sensorId: 's1',
  deviceId: 'd1',
  userId: 'u1',
  value: 31.5,
  unit: 'C',
  tags: ['chamber', 'hot'],
  shipTo: { country: 'PH' },
  total: '44.78',
};

describe('condition validator', () => {
  const fields = (c: unknown) => validateCondition(c).map((e) => e.field);

  it('accepts comparisons of every operator, nesting and a count window in the top-level all', () => {
    const condition = {
      all: [
        { field: 'value', op: 'gt', value: 30 },
        {
          any: [
            { field: 'unit', op: 'in', value: ['C', 'F'] },
            { field: 'tags', op: 'contains', value: 'hot' },
            { field: 'x', op: 'exists', value: false },
          ],
        },
        { field: 'shipTo.country', op: 'ne', value: 'US' },
        { count: { atLeast: 3, withinMinutes: 10, by: 'storeId' } },
      ],
    };
    expect(validateCondition(condition)).toEqual([]);
    expect(validateCondition({ count: { atLeast: 3, withinMinutes: 10, by: 'storeId' } })).toEqual([]);
  });

  it('names the path of each problem inside the condition', () => {
    expect(
      fields({
        all: [
          { field: 'value', op: 'gt', value: 1 },
          { field: 'value', op: 'between', value: 1 },
        ],
      }),
    ).toEqual(['condition.all[1].op']);
    expect(fields({ any: [{ all: [{ field: '1bad', op: 'eq', value: 1 }] }] })).toEqual(['condition.any[0].all[0].field']);
    expect(fields({ field: 'unit', op: 'in', value: 'C' })).toEqual(['condition.value']);
    expect(fields({ field: 'value', op: 'gt', value: { a: 1 } })).toEqual(['condition.value']);
    expect(fields({ all: [] })).toEqual(['condition.all']);
    expect(fields({ field: 'v', op: 'eq', value: 1, extra: true })).toEqual(['condition.extra']);
    expect(fields({ count: { atLeast: 0, withinMinutes: -1, by: 'a b' } })).toEqual([
      'condition.count.atLeast',
      'condition.count.withinMinutes',
      'condition.count.by',
    ]);
    expect(fields({ any: [{ count: { atLeast: 2, withinMinutes: 1 } }] })).toEqual(['condition.any[0].count']);
    expect(fields({ all: [{ all: [{ count: { atLeast: 2, withinMinutes: 1 } }] }] })).toEqual(['condition.all[0].all[0].count']);
    expect(fields('value > 3')).toEqual(['condition']);
    expect(fields({ all: [{ field: 'v', op: 'eq', value: 1 }], any: [] })).toEqual(['condition']);
  });

  it('refuses conditions nested too deep', () => {
    let deep: unknown = { field: 'v', op: 'eq', value: 1 };
    for (let i = 0; i < 10; i++) deep = { all: [deep] };
    expect(validateCondition(deep)[0].messages[0]).toMatch(/nest at most/);
  });
});

describe('condition evaluator', () => {
  it.each([
    [{ field: 'value', op: 'gt', value: 30 }, true],
    [{ field: 'value', op: 'gte', value: 31.5 }, true],
    [{ field: 'value', op: 'lt', value: 31.5 }, false],
    [{ field: 'value', op: 'lte', value: 31.5 }, true],
    [{ field: 'total', op: 'gt', value: 40 }, true],
    [{ field: 'total', op: 'eq', value: 44.78 }, true],
    [{ field: 'unit', op: 'eq', value: 'C' }, true],
    [{ field: 'unit', op: 'ne', value: 'C' }, false],
    [{ field: 'unit', op: 'in', value: ['F', 'K'] }, false],
    [{ field: 'tags', op: 'contains', value: 'hot' }, true],
    [{ field: 'unit', op: 'contains', value: 'c' }, true],
    [{ field: 'shipTo.country', op: 'eq', value: 'PH' }, true],
    [{ field: 'missing', op: 'exists' }, false],
    [{ field: 'missing', op: 'exists', value: false }, true],
    [{ field: 'missing', op: 'gt', value: 1 }, false],
    [{ field: 'unit', op: 'gt', value: 1 }, false],
  ])('%j -> %s', (comparison, expected) => {
    expect(compare(comparison as never, breach)).toBe(expected);
  });

  it('nests all and any, and leaves the count window to the stored hits', () => {
    const c: Condition = {
      all: [
        { field: 'value', op: 'gt', value: 30 },
        {
          any: [
            { field: 'unit', op: 'eq', value: 'F' },
            { field: 'deviceId', op: 'eq', value: 'd1' },
          ],
        },
        { count: { atLeast: 3, withinMinutes: 10, by: 'storeId' } },
      ],
    };
    expect(matches(c, breach)).toBe(true);
    expect(matches(c, { ...breach, value: 29 })).toBe(false);
    expect(countWindowOf(c)).toEqual({ atLeast: 3, withinMinutes: 10, by: 'storeId' });
    expect(countWindowOf({ field: 'v', op: 'eq', value: 1 })).toBeUndefined();
  });
});

describe('fingerprint, group key and active hours', () => {
  const rule = { id: 'r1', fingerprintFields: [], groupBy: [] };

  it('identifies the subject by the ids present, so a breach and its clearing share a fingerprint', () => {
    const cleared = { alertId: 'x', thresholdId: 't1', sensorId: 's1', deviceId: 'd1', userId: 'u1', value: 20, resolvedAt: 'now' };
    expect(fingerprintOf(rule, breach)).toBe('r1|thresholdId=t1|sensorId=s1|deviceId=d1|userId=u1');
    expect(fingerprintOf(rule, cleared)).toBe(fingerprintOf(rule, breach));
    expect(fingerprintOf(rule, { storeId: 'st', orderId: 'o1' }, 'storeId')).toBe('r1|storeId=st');
    expect(fingerprintOf({ ...rule, fingerprintFields: ['deviceId'] }, breach)).toBe('r1|deviceId=d1');
    expect(groupKeyOf(rule, breach)).toBe('r1');
    expect(groupKeyOf({ ...rule, groupBy: ['deviceId'] }, breach)).toBe('r1|deviceId=d1');
  });

  it('fires only inside the active window, in its time zone, over midnight too', () => {
    const wed0930utc = new Date('2026-12-02T09:30:00Z'); // 17:30 in Manila
    expect(isActiveAt(null, wed0930utc)).toBe(true);
    expect(isActiveAt({ start: '08:00', end: '18:00' }, wed0930utc)).toBe(true);
    expect(isActiveAt({ start: '08:00', end: '18:00', days: [6, 7] }, wed0930utc)).toBe(false);
    expect(isActiveAt({ timezone: 'Asia/Manila', start: '17:00', end: '17:30' }, wed0930utc)).toBe(false);
    expect(isActiveAt({ timezone: 'Asia/Manila', start: '17:00', end: '17:31', days: [3] }, wed0930utc)).toBe(true);
    // 22:00-06:00 starting Tuesday: Wednesday 02:00 belongs to Tuesday's window.
    expect(isActiveAt({ start: '22:00', end: '06:00', days: [2] }, new Date('2026-12-02T02:00:00Z'))).toBe(true);
    expect(isActiveAt({ start: '22:00', end: '06:00', days: [3] }, new Date('2026-12-02T02:00:00Z'))).toBe(false);
  });
});
