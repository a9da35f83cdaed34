import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldViolation } from '@suite/platform';

/**
 * JSON Schema checks of setting values, with ajv (draft 2020-12, formats such as `email` and `uri`).
 * Each violation names the path inside the value (`value.limits.perMinute`, `value[2]`), so the
 * gateway's problem+json points at the exact field. Compiled validators are kept per schema text:
 * a key's schema rarely changes and compiling costs far more than validating.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

/** A JSON Pointer inside the value (`/limits/0/max`) as a field path under `root` (`value.limits[0].max`). */
export function fieldPath(root: string, instancePath: string): string {
  if (!instancePath) return root;
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), root);
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'required') return `must have property ${String(error.params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') return `must not have property ${String(error.params.additionalProperty)}`;
  return error.message ?? `fails ${error.keyword}`;
}

/** The schema itself, as ajv sees it: problems are reported on `root` (the request's `schema` field). */
export function checkSchema(schema: unknown, root = 'schema'): FieldViolation[] {
  try {
    validatorOf(schema);
    return [];
  } catch (error) {
    return [{ field: root, messages: [`is not a valid JSON Schema: ${(error as Error).message}`] }];
  }
}

/** Every place where `value` breaks `schema`, grouped by field path; empty when it satisfies it (or there is no schema). */
export function validateValue(schema: unknown, value: unknown, root = 'value'): FieldViolation[] {
  if (schema === null || schema === undefined) return [];
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  const byField = new Map<string, string[]>();
  for (const error of validate.errors ?? []) {
    // A missing property belongs to the field it is missing from, named in full.
    const path =
      error.keyword === 'required'
        ? fieldPath(root, `${error.instancePath}/${String(error.params.missingProperty)}`)
        : fieldPath(root, error.instancePath);
    const messages = byField.get(path) ?? [];
    const message = messageOf(error);
    if (!messages.includes(message)) messages.push(message);
    byField.set(path, messages);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

function validatorOf(schema: unknown): ValidateFunction {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error('a schema is a JSON object');
  const text = JSON.stringify(schema);
  let validate = compiled.get(text);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(text, validate);
  }
  return validate;
}
