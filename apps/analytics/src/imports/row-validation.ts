import type { ImportFieldRuleDto } from '@suite/contracts/analytics';
import type { ImportRowProblem } from '@suite/contracts/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false|1|0|yes|no)$/i;
// The owner checks the address fully (class-validator's IsEmail); this catches what is plainly not one.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const fail = (
  field: string,
  errorType: ImportRowProblem['errorType'],
  errorCode: string,
  message: string,
  extra: Partial<ImportRowProblem> = {},
) => ({ field, errorType, severity: 'ERROR', errorCode, message, ...extra }) as ImportRowProblem;

/** One field's value against its rule; the first broken rule is reported. */
function checkField(field: string, value: string | undefined, rule: ImportFieldRuleDto): ImportRowProblem | undefined {
  if (value === undefined || value === '')
    return rule.required ? fail(field, 'VALIDATION', 'REQUIRED', `${field} is required`, { suggestion: `Fill in ${field}` }) : undefined;
  switch (rule.type) {
    case 'integer':
      if (!INTEGER.test(value))
        return fail(field, 'FORMAT', 'NOT_A_NUMBER', `${field} is not a whole number`, { expectedFormat: 'a whole number' });
      break;
    case 'decimal':
      if (!DECIMAL.test(value))
        return fail(field, 'FORMAT', 'NOT_A_NUMBER', `${field} is not a number`, {
          expectedFormat: 'a decimal with a dot, e.g. 19.99',
          suggestion: 'Remove currency symbols and thousands separators',
        });
      break;
    case 'boolean':
      if (!BOOLEAN.test(value))
        return fail(field, 'FORMAT', 'NOT_A_BOOLEAN', `${field} is not true or false`, { expectedFormat: 'true or false' });
      break;
    case 'email':
      if (!EMAIL.test(value))
        return fail(field, 'FORMAT', 'NOT_AN_EMAIL', `${field} is not an email address`, { expectedFormat: 'name@example.com' });
      break;
    case 'uuid':
      if (!UUID.test(value)) return fail(field, 'FORMAT', 'NOT_A_UUID', `${field} is not a UUID`, { expectedFormat: 'a UUID' });
      break;
  }
  if (rule.min !== undefined && (rule.type === 'integer' || rule.type === 'decimal') && Number(value) < rule.min)
    return rule.min === 0 && value.startsWith('-')
      ? fail(field, 'VALIDATION', 'NEGATIVE_AMOUNT', `${field} must not be negative`, { expectedFormat: '0 or more' })
      : fail(field, 'VALIDATION', 'OUT_OF_RANGE', `${field} must be at least ${rule.min}`, { expectedFormat: `${rule.min} or more` });
  if (rule.maxLength !== undefined && [...value].length > rule.maxLength)
    return fail(field, 'VALIDATION', 'TOO_LONG', `${field} is longer than ${rule.maxLength} characters`, {
      expectedFormat: `at most ${rule.maxLength} characters`,
      suggestion: 'Shorten the value',
    });
  if (rule.enum && !rule.enum.includes(value.toUpperCase()) && !rule.enum.includes(value))
    return fail(field, 'VALIDATION', 'NOT_ALLOWED', `${field} must be one of ${rule.enum.join(', ')}`, {
      expectedFormat: `one of ${rule.enum.join(', ')}`,
    });
  if (rule.pattern && !safeRegExp(rule.pattern)?.test(value))
    return fail(field, 'FORMAT', 'PATTERN_MISMATCH', `${field} does not match the expected pattern`, { expectedFormat: rule.pattern });
  return undefined;
}

const compiled = new Map<string, RegExp | undefined>();
function safeRegExp(pattern: string): RegExp | undefined {
  if (!compiled.has(pattern)) {
    try {
      compiled.set(pattern, new RegExp(pattern));
    } catch {
      compiled.set(pattern, undefined);
    }
  }
  return compiled.get(pattern);
}

/** A mapped row (field -> text) against the rules: one problem per broken field. */
export function validateRow(values: Record<string, string>, rules: Record<string, ImportFieldRuleDto>): ImportRowProblem[] {
  const problems: ImportRowProblem[] = [];
  for (const [field, rule] of Object.entries(rules)) {
    const p = checkField(field, values[field], rule);
    if (p) problems.push(p);
  }
  return problems;
}
