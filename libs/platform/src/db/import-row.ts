import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ImportErrorTypeName, ImportRowProblem, ImportRowResult } from '@suite/contracts/core';
import type { UnitOfWork } from './unit-of-work';

/** What a cell's text becomes before the DTO's own validators run: the text itself when it does not convert. */
export const asInt = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : v);
export const asNumber = (v: string | undefined) => (v !== undefined && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
export function asBoolean(v: string | undefined): boolean | string | undefined {
  if (v === undefined) return undefined;
  const t = v.toLowerCase();
  return ['true', '1', 'yes'].includes(t) ? true : ['false', '0', 'no'].includes(t) ? false : v;
}
/** Lists travel in one cell, separated by "|" ("red|blue"). */
export const asList = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);

export const problem = (
  field: string,
  errorType: ImportErrorTypeName,
  errorCode: string,
  message: string,
  extra: Partial<ImportRowProblem> = {},
): ImportRowProblem => ({ field, errorType, severity: 'ERROR', errorCode, message, ...extra });

export const failed = (rowNumber: number, problems: ImportRowProblem[]): ImportRowResult => ({ rowNumber, outcome: 'error', problems });

/** Money as the DTOs accept it: text with at most 2 decimals, never negative; the text is stored as written (no rescaling). */
function moneyProblem(field: string, raw: unknown): ImportRowProblem {
  const text = String(raw);
  if (/^-\d+(\.\d+)?$/.test(text))
    return problem(field, 'VALIDATION', 'NEGATIVE_AMOUNT', `${field} must not be negative`, { expectedFormat: '0.00 or more' });
  if (/^\d+\.\d{3,}$/.test(text))
    return problem(field, 'FORMAT', 'TOO_MANY_DECIMALS', `${field} has more than 2 decimals`, {
      expectedFormat: 'at most 2 decimals, e.g. 19.99',
      suggestion: 'Round the amount to cents yourself: it is never rescaled',
    });
  return problem(field, 'FORMAT', 'NOT_A_NUMBER', `${field} is not an amount`, {
    expectedFormat: 'a decimal with a dot, e.g. 19.99',
    suggestion: 'Remove currency symbols and thousands separators',
  });
}

/** A value of the wrong type also breaks its range rules ("2.5" is no integer, and no number >= 0): the type is what to report. */
const TYPE_FIRST = ['isMoney', 'isInt', 'isNumber', 'isBoolean', 'isUuid', 'isUrl', 'isString', 'isIn'];

/** class-validator's findings as import problems, one per field (its first constraint is the one reported). */
function toProblem(error: ValidationError): ImportRowProblem {
  const field = error.property;
  const constraints = error.constraints ?? {};
  const name = TYPE_FIRST.find((c) => c in constraints) ?? Object.keys(constraints)[0];
  const message = constraints[name] ?? `${field} is invalid`;
  switch (name) {
    case 'isMoney':
      return moneyProblem(field, error.value);
    case 'maxLength':
    case 'arrayMaxSize':
      return problem(field, 'VALIDATION', 'TOO_LONG', message, { suggestion: 'Shorten the value' });
    case 'minLength':
    case 'isNotEmpty':
      return problem(field, 'VALIDATION', 'REQUIRED', `${field} must not be empty`);
    case 'min':
    case 'max':
      return problem(field, 'VALIDATION', 'OUT_OF_RANGE', message);
    case 'isIn':
      return problem(field, 'VALIDATION', 'NOT_ALLOWED', message, { expectedFormat: message.replace(/^.*following values: /, 'one of ') });
    case 'isInt':
    case 'isNumber':
      return problem(field, 'FORMAT', 'NOT_A_NUMBER', message, { expectedFormat: name === 'isInt' ? 'a whole number' : 'a number' });
    case 'isBoolean':
      return problem(field, 'FORMAT', 'NOT_A_BOOLEAN', message, { expectedFormat: 'true or false' });
    case 'isUuid':
      return problem(field, 'FORMAT', 'NOT_A_UUID', message, { expectedFormat: 'a UUID' });
    case 'isUrl':
      return problem(field, 'FORMAT', 'NOT_A_URL', message, { expectedFormat: 'an absolute URL (https://...)' });
    default:
      return problem(field, 'VALIDATION', 'INVALID', message);
  }
}

/** Checks a row against the same DTO class the single-record route validates with; required fields first, by name. */
export function validateRow<T extends object>(
  cls: new () => T,
  plain: Record<string, unknown>,
  required: string[],
): { dto: T; problems: ImportRowProblem[] } {
  const missing = required.filter((f) => plain[f] === undefined || plain[f] === '');
  const dto = plainToInstance(cls, plain);
  const found = validateSync(dto, { whitelist: true, forbidNonWhitelisted: false }).filter((e) => !missing.includes(e.property));
  return {
    dto,
    problems: [
      ...missing.map((f) => problem(f, 'VALIDATION', 'REQUIRED', `${f} is required`, { suggestion: `Fill in ${f}` })),
      ...found.map(toProblem),
    ],
  };
}

/** A dry run's transaction is rolled back by throwing this once every row is checked. */
export class DryRunRollback extends Error {
  constructor(readonly results: ImportRowResult[]) {
    super('dry run');
  }
}

/** How an owner checks and writes the rows of one import batch (see runImportBatch). */
export interface ImportBatchSteps<Checked extends { rowNumber: number }, Tx> {
  /** A row as the owner's checked form, or its problems. */
  check(rowNumber: number, values: Record<string, string>): Checked | ImportRowResult;
  /** The natural key field (named in the duplicate message) and its value for a checked row. */
  keyField: string;
  key(row: Checked): string;
  /** Writes the checked rows in the batch's transaction; answers their results. */
  write(tx: Tx, rows: Checked[]): Promise<ImportRowResult[]>;
}

/**
 * One import batch the way every owner upserts it: each row checked, a natural key repeated in the batch refused,
 * the rest written in ONE transaction, rolled back again for a dry run; the results in the rows' order.
 */
export async function runImportBatch<Checked extends { rowNumber: number }, Tx>(
  uow: UnitOfWork<Tx>,
  request: { rows: Array<{ rowNumber: number; values: Record<string, string> }>; dryRun?: boolean },
  steps: ImportBatchSteps<Checked, Tx>,
): Promise<ImportRowResult[]> {
  const results = new Map<number, ImportRowResult>();
  const checked: Checked[] = [];
  const seen = new Set<string>();
  for (const { rowNumber, values } of request.rows) {
    const row = steps.check(rowNumber, values);
    if ('problems' in row) results.set(rowNumber, row);
    else if (seen.has(steps.key(row)))
      results.set(
        rowNumber,
        failed(rowNumber, [problem(steps.keyField, 'CONSTRAINT', 'DUPLICATE_KEY', `${steps.keyField} ${steps.key(row)} appears twice`)]),
      );
    else {
      seen.add(steps.key(row));
      checked.push(row);
    }
  }
  try {
    await uow.run(
      async (tx) => {
        for (const r of await steps.write(tx, checked)) results.set(r.rowNumber, r);
        if (request.dryRun) throw new DryRunRollback([]);
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return request.rows.map((r) => results.get(r.rowNumber)!);
}
