import type { ExportFilterRule, ExportFilters, ExportPageRequest, ExportPageResponse } from '@suite/contracts/core';
import { exportFilterError } from '@suite/contracts/core';
import { invalid } from '../errors/app-error';

/** SQL text of a timestamptz as ISO-8601 UTC with milliseconds, the way every API answers times. */
export const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One export's query: text expressions per column, the FROM clause, its conditions and the uuid keyset column. */
export interface ExportQuery {
  columns: Record<string, string>;
  from: string;
  where: string[];
  params: unknown[];
  /** A uuid column, unique: pages are `key > after ORDER BY key`, so a row is never skipped or repeated. */
  key: string;
}

/** Builds `$n` placeholders into the params of one query. */
export function sqlParams(params: unknown[]) {
  return (value: unknown, cast = '') => `$${params.push(value)}${cast}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The owner's check of an export's filters (analytics checked them at create time; the owner is the one that knows). */
export function checkExportFilters(filters: ExportFilters | undefined, rule: ExportFilterRule | undefined, entityType: string): void {
  if (!rule) throw invalid('PLATFORM.EXPORT_UNSUPPORTED', `This service does not export ${entityType}.`, { entityType });
  const error = exportFilterError(filters, rule);
  if (error)
    throw invalid('PLATFORM.INVALID_EXPORT_FILTER', error.message, { errors: [{ field: error.field, messages: [error.message] }] });
}

/**
 * One keyset page of an export: `limit` rows after `request.after`, every cell text or null, and
 * the count of all matching rows when asked (first page only; an index-backed count is cheap next
 * to writing the file).
 */
export async function exportPage(
  db: { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> },
  query: ExportQuery,
  request: Pick<ExportPageRequest, 'after' | 'limit' | 'count'>,
): Promise<ExportPageResponse> {
  const names = Object.keys(query.columns);
  const params = [...query.params];
  const p = sqlParams(params);
  const where = [...query.where];
  if (request.after !== undefined) {
    if (!UUID.test(request.after))
      throw invalid('PLATFORM.INVALID_CURSOR', 'after is not the next of a previous page.', {
        errors: [{ field: 'after', messages: ['not a page key'] }],
      });
    where.push(`${query.key} > ${p(request.after, '::uuid')}`);
  }
  const cond = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const select = names.map((n, i) => `(${query.columns[n]})::text AS c${i}`).join(', ');
  const sql = `SELECT ${select}, ${query.key}::text AS k FROM ${query.from}${cond} ORDER BY ${query.key} LIMIT ${p(request.limit + 1, '::int')}`;
  const found = await db.$queryRawUnsafe<Record<string, string | null>[]>(sql, ...params);
  const page = found.slice(0, request.limit);
  let total: number | null = null;
  if (request.count) {
    const all = query.where.length ? ` WHERE ${query.where.join(' AND ')}` : '';
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${query.from}${all}`, ...query.params);
    total = row?.n ?? 0;
  }
  return {
    columns: names,
    rows: page.map((r) => names.map((_, i) => r[`c${i}`] ?? null)),
    next: found.length > request.limit ? (page[page.length - 1].k as string) : null,
    total,
  };
}
