import { FieldViolation } from './app-error';

/**
 * NUL (PostgreSQL text and jsonb refuse it) and an unpaired UTF-16 surrogate (valid in a JS string
 * and in JSON escapes, refused by jsonb, silently replaced by U+FFFD in text): either would turn a
 * request into a 500 deep in a service, or store something other than what was sent.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** Deep enough for any DTO we accept; deeper input is left to the DTO's own validation. */
const MAX_DEPTH = 32;

/** Every field (and object key) of `value` holding text PostgreSQL cannot store, by path (`a.b[0].c`). */
export function findUnstorableText(value: unknown, path = '', depth = 0): FieldViolation[] {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [{ field: path || 'value', messages: [MESSAGE] }] : [];
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findUnstorableText(item, `${path}[${i}]`, depth + 1));
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    const ownKey = UNSTORABLE.test(key) ? [{ field: path || 'value', messages: [`keys ${MESSAGE}`] }] : [];
    return [...ownKey, ...findUnstorableText(item, field, depth + 1)];
  });
}
