/**
 * A rule's condition is data, checked when the rule is saved:
 *   { field: 'value', op: 'gt', value: 30 }          a comparison on a payload field (dotted path)
 *   { all: [...] } / { any: [...] }                   nesting
 *   { count: { atLeast: 3, withinMinutes: 10, by: 'storeId' } }
 *                                                     the rest must hold for N events (of one `by` value) within the window;
 *                                                     only at the top or directly inside the top-level `all`
 */
export const CONDITION_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export interface Comparison {
  field: string;
  op: ConditionOp;
  value?: unknown;
}
export interface CountWindow {
  atLeast: number;
  withinMinutes: number;
  by?: string;
}
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { count: CountWindow };

export interface ConditionViolation {
  field: string;
  messages: string[];
}

const MAX_DEPTH = 8;
const MAX_NODES = 200;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v) || v === null;

/** Every problem of a condition, each named by its path (`condition.all[1].op`); empty when it is valid. */
export function validateCondition(condition: unknown, root = 'condition'): ConditionViolation[] {
  const errors: ConditionViolation[] = [];
  let nodes = 0;
  const fail = (field: string, message: string): void => {
    errors.push({ field, messages: [message] });
  };

  const visit = (node: unknown, path: string, depth: number, countAllowed: boolean): void => {
    if (++nodes > MAX_NODES) return void (nodes === MAX_NODES + 1 && fail(root, `a condition has at most ${MAX_NODES} nodes`));
    if (depth > MAX_DEPTH) return fail(path, `conditions nest at most ${MAX_DEPTH} levels`);
    if (!isObject(node)) return fail(path, 'must be an object: a comparison, all, any or count');
    const keys = Object.keys(node);
    if ('all' in node || 'any' in node) {
      const key = 'all' in node ? 'all' : 'any';
      if (keys.length !== 1) return fail(path, `${key} must be the only key of its node`);
      const list = node[key];
      if (!Array.isArray(list) || list.length === 0) return fail(`${path}.${key}`, `${key} must be a non-empty array of conditions`);
      list.forEach((child, i) => visit(child, `${path}.${key}[${i}]`, depth + 1, countAllowed && key === 'all' && depth === 0));
      return;
    }
    if ('count' in node) {
      if (keys.length !== 1) return fail(path, 'count must be the only key of its node');
      if (!countAllowed) return fail(`${path}.count`, 'count may only be the condition itself or a direct member of its top-level all');
      return visitCount(node.count, `${path}.count`);
    }
    visitComparison(node, path);
  };

  const visitCount = (count: unknown, path: string) => {
    if (!isObject(count)) return fail(path, 'must be an object { atLeast, withinMinutes, by? }');
    const { atLeast, withinMinutes, by, ...rest } = count;
    for (const extra of Object.keys(rest)) fail(`${path}.${extra}`, `unknown key ${extra}`);
    if (!Number.isInteger(atLeast) || (atLeast as number) < 1 || (atLeast as number) > 100000)
      fail(`${path}.atLeast`, 'atLeast must be an integer from 1 to 100000');
    if (typeof withinMinutes !== 'number' || !(withinMinutes > 0) || withinMinutes > 10080)
      fail(`${path}.withinMinutes`, 'withinMinutes must be a number above 0 and at most 10080 (a week)');
    if (by !== undefined && (typeof by !== 'string' || !FIELD.test(by)))
      fail(`${path}.by`, 'by must be a payload field path such as storeId');
  };

  const visitComparison = (node: Record<string, unknown>, path: string) => {
    const { field, op, value, ...rest } = node;
    for (const extra of Object.keys(rest))
      fail(`${path}.${extra}`, `unknown key ${extra}: a node is a comparison { field, op, value }, all, any or count`);
    if (typeof field !== 'string' || !FIELD.test(field))
      fail(`${path}.field`, 'field must be a payload field path such as value or shipTo.country');
    if (!CONDITION_OPS.includes(op as ConditionOp)) return fail(`${path}.op`, `op must be one of ${CONDITION_OPS.join(', ')}`);
    if (op === 'exists') {
      if (value !== undefined && typeof value !== 'boolean') fail(`${path}.value`, 'exists takes true, false or no value');
    } else if (op === 'in') {
      if (!Array.isArray(value) || value.length === 0 || !value.every(isScalar))
        fail(`${path}.value`, 'in takes a non-empty array of strings, numbers or booleans');
    } else if (['gt', 'gte', 'lt', 'lte'].includes(op as string)) {
      if (typeof value !== 'number' && typeof value !== 'string')
        fail(`${path}.value`, `${op as string} takes a number (or a string compared as text)`);
    } else if (value === undefined || !isScalar(value)) {
      fail(`${path}.value`, `${op as string} takes a string, number, boolean or null`);
    }
  };

  visit(condition, root, 0, true);
  return errors;
}
