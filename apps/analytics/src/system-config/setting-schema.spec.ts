import { AppError } from '@suite/platform';
import { assertValidSetting } from './setting-changes';
import { checkSchema, fieldPath, validateValue } from './setting-schema';

const limits = {
  type: 'object',
  properties: {
    perMinute: { type: 'integer', minimum: 1, maximum: 10000 },
    routes: { type: 'array', items: { type: 'object', properties: { path: { type: 'string', pattern: '^/' } }, required: ['path'] } },
    contact: { type: 'string', format: 'email' },
  },
  required: ['perMinute'],
  additionalProperties: false,
};

const errorsOf = (schema: unknown, value: unknown) => {
  try {
    assertValidSetting(schema, value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('invalid');
    return (error as AppError).details?.errors ?? [];
  }
};

describe('setting schema validation', () => {
  it('turns JSON pointers into field paths', () => {
    expect(fieldPath('value', '')).toBe('value');
    expect(fieldPath('value', '/routes/2/path')).toBe('value.routes[2].path');
    expect(fieldPath('value', '/a~1b/c~0d')).toBe('value.a/b.c~d');
  });

  it('accepts a value that satisfies its schema, and any value without one', () => {
    expect(validateValue(limits, { perMinute: 60, routes: [{ path: '/x' }], contact: 'ops@example.com' })).toEqual([]);
    expect(validateValue(null, { anything: [1, 'two'] })).toEqual([]);
    expect(validateValue({ type: 'boolean' }, false)).toEqual([]);
  });

  it('names every failing path inside the value, not just the first', () => {
    expect(validateValue(limits, { perMinute: 0, routes: [{ path: '/ok' }, { path: 'no-slash' }, {}], contact: 'nope', extra: 1 })).toEqual(
      [
        { field: 'value', messages: ['must not have property extra'] },
        { field: 'value.perMinute', messages: ['must be >= 1'] },
        { field: 'value.routes[1].path', messages: ['must match pattern "^/"'] },
        { field: 'value.routes[2].path', messages: ['must have property path'] },
        { field: 'value.contact', messages: ['must match format "email"'] },
      ],
    );
  });

  it('reports a missing required property at its own path', () => {
    expect(validateValue(limits, {})).toEqual([{ field: 'value.perMinute', messages: ['must have property perMinute'] }]);
  });

  it('reports a wrong top-level type on the value itself', () => {
    expect(validateValue({ type: 'string', enum: ['PHP', 'USD'] }, 'EUR')).toEqual([
      { field: 'value', messages: ['must be equal to one of the allowed values'] },
    ]);
    expect(validateValue({ type: 'integer' }, 1.5)).toEqual([{ field: 'value', messages: ['must be integer'] }]);
  });

  it('refuses a schema that is not a JSON Schema', () => {
    expect(checkSchema({ type: 'nonsense' })).toEqual([
      { field: 'schema', messages: [expect.stringContaining('is not a valid JSON Schema')] },
    ]);
    expect(checkSchema({ minimum: 'ten' })).toHaveLength(1);
    expect(checkSchema({ type: 'integer', minimum: 1 })).toEqual([]);
  });

  it('assertValidSetting: 400 on body.value paths, body.schema for a bad schema, null refused', () => {
    expect(errorsOf(limits, { perMinute: 'many' })).toEqual([{ field: 'body.value.perMinute', messages: ['must be integer'] }]);
    expect(errorsOf({ type: 'nonsense' }, 1)).toEqual([{ field: 'body.schema', messages: [expect.stringContaining('JSON Schema')] }]);
    expect(errorsOf(undefined, null)).toEqual([{ field: 'body.value', messages: ['value must not be null'] }]);
    expect(errorsOf(limits, { perMinute: 5 })).toEqual([]);
  });
});
