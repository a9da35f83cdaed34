import { Comparison, Condition, CountWindow } from '@suite/contracts/alerting';

/** A dotted path into the payload (`shipTo.country`); undefined when any step is missing. */
export function fieldOf(payload: unknown, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Numbers and numeric strings (money travels as '44.78') compare as numbers; anything else as text. */
const asNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};

function order(a: unknown, b: unknown): number | undefined {
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== undefined && y !== undefined) return x - y;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

const same = (a: unknown, b: unknown) => {
  const [x, y] = [asNumber(a), asNumber(b)];
  return x !== undefined && y !== undefined ? x === y : a === b;
};

export function compare({ field, op, value }: Comparison, payload: unknown): boolean {
  const actual = fieldOf(payload, field);
  switch (op) {
    case 'exists':
      return (actual !== undefined && actual !== null) === (value ?? true);
    case 'eq':
      return same(actual, value);
    case 'ne':
      return !same(actual, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => same(actual, v));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((v) => same(v, value));
      return typeof actual === 'string' && typeof value === 'string' && actual.toLowerCase().includes(value.toLowerCase());
    default: {
      const d = order(actual, value);
      if (d === undefined) return false;
      return op === 'gt' ? d > 0 : op === 'gte' ? d >= 0 : op === 'lt' ? d < 0 : d <= 0;
    }
  }
}

/** Whether the payload satisfies the condition, leaving out its count window (checked against stored hits). */
export function matches(condition: Condition, payload: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => matches(c, payload));
  if ('any' in condition) return condition.any.some((c) => matches(c, payload));
  if ('count' in condition) return true;
  return compare(condition, payload);
}

/** The count window of a condition: the condition itself or a direct member of its top-level `all` (the validator allows nothing else). */
export function countWindowOf(condition: Condition): CountWindow | undefined {
  if ('count' in condition) return condition.count;
  if ('all' in condition) {
    for (const c of condition.all) if ('count' in c) return c.count;
  }
  return undefined;
}
