import type { ReportConfigurationDto, ReportTypeName } from '@suite/contracts/analytics';
import { invalid } from '@suite/platform';
import type { ColumnDef, ReportSource, ResolvedFilters } from './sources/report-source';

export interface OutputColumn {
  key: string;
  label: string;
  kind: ColumnDef['kind'];
  sql: string;
}

/** A configuration resolved against its type's source: the SQL columns, grouping and order of one run. */
export interface ReportPlan {
  columns: OutputColumn[];
  groupBy: string[];
  orderBy: string[];
  limit?: number;
  filters: ResolvedFilters;
}

interface Violation {
  field: string;
  messages: string[];
}

const FILTER_KEYS = ['from', 'to', 'lastDays', 'eventTypes', 'storeIds', 'status'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likeMatches = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%/g, '.*')
      .replace(/_/g, '.')}$`,
  ).test(value);

function filtersOf(
  raw: Record<string, unknown>,
  source: ReportSource,
  now: Date,
  bad: (field: string, message: string) => void,
): ResolvedFilters {
  const out: ResolvedFilters = {};
  for (const key of Object.keys(raw))
    if (!FILTER_KEYS.includes(key)) bad(`configuration.filters.${key}`, `unknown filter; known: ${FILTER_KEYS.join(', ')}`);
  const date = (key: 'from' | 'to') => {
    const value = raw[key];
    if (value === undefined) return undefined;
    const parsed = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(parsed.getTime())) bad(`configuration.filters.${key}`, `${key} must be an ISO-8601 time`);
    return parsed;
  };
  out.from = date('from');
  out.to = date('to');
  if (raw.lastDays !== undefined) {
    const days = raw.lastDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 3660)
      bad('configuration.filters.lastDays', 'lastDays must be a whole number of days, 1 to 3660');
    else out.from = new Date(now.getTime() - days * 86400000);
  }
  if (out.from && out.to && out.from >= out.to) bad('configuration.filters.to', 'to must be after from');
  const list = (key: 'eventTypes' | 'storeIds', check: (v: string) => string | null) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length > 100 || value.some((v) => typeof v !== 'string')) {
      bad(`configuration.filters.${key}`, `${key} must be a list of at most 100 strings`);
      return undefined;
    }
    value.forEach((v: string, i) => {
      const problem = check(v);
      if (problem) bad(`configuration.filters.${key}[${i}]`, problem);
    });
    return value as string[];
  };
  out.eventTypes = list('eventTypes', (v) =>
    source.eventPatterns.some((p) => likeMatches(p, v))
      ? null
      : `${v} is not an event a ${source.type} report reads (${source.eventPatterns.join(', ')})`,
  );
  out.storeIds = list('storeIds', (v) => (UUID.test(v) ? null : 'a store id is a UUID'));
  if (raw.status !== undefined) {
    if (typeof raw.status !== 'string' || raw.status.length > 64) bad('configuration.filters.status', 'status must be a string');
    else out.status = raw.status;
  }
  return out;
}

/**
 * Checks a configuration against its type and resolves it into a plan; every problem is reported
 * with its field (configuration.columns[2], configuration.sort[0].column, ...), as a 400. Run both
 * when a report is saved and when it runs (a relative range resolves against the run's time).
 */
export function planReport(type: ReportTypeName, config: ReportConfigurationDto, source: ReportSource, now = new Date()): ReportPlan {
  const errors: Violation[] = [];
  const bad = (field: string, message: string) => errors.push({ field, messages: [message] });
  const known = new Map(source.columns.map((c) => [c.key, c]));
  const names = [...known.keys()].join(', ');
  const filters = filtersOf(config.filters ?? {}, source, now, bad);

  const groupBy = config.groupBy ?? [];
  groupBy.forEach((key, i) => {
    const column = known.get(key);
    if (!column) bad(`configuration.groupBy[${i}]`, `${key} is not a column of ${type} reports (${names})`);
    else if (!column.groupable) bad(`configuration.groupBy[${i}]`, `${key} cannot be grouped by`);
  });
  const requested = config.columns ?? (groupBy.length ? [] : [...source.defaultColumns]);
  requested.forEach((key, i) => {
    if (!known.has(key)) bad(`configuration.columns[${i}]`, `${key} is not a column of ${type} reports (${names})`);
    else if (groupBy.length && !groupBy.includes(key) && known.get(key)!.kind !== 'number') {
      bad(`configuration.columns[${i}]`, `${key} is neither grouped by nor a number to sum`);
    }
  });
  if (new Set(requested).size !== requested.length) bad('configuration.columns', 'a column is listed twice');

  let columns: OutputColumn[];
  if (groupBy.length) {
    const sums = requested.filter((k) => known.get(k)?.kind === 'number');
    columns = [
      ...groupBy.filter((k) => known.has(k)).map((k) => ({ ...known.get(k)! })),
      { key: 'count', label: 'Count', kind: 'number' as const, sql: 'count(*)' },
      ...sums.map((k) => ({
        key: `sum_${k}`,
        label: `Sum of ${known.get(k)!.label}`,
        kind: 'number' as const,
        sql: `sum(${known.get(k)!.sql})`,
      })),
    ];
  } else {
    columns = requested.filter((k) => known.has(k)).map((k) => ({ ...known.get(k)! }));
  }
  const outputKeys = columns.map((c) => c.key);
  const orderBy: string[] = [];
  (config.sort ?? []).forEach((s, i) => {
    const index = outputKeys.indexOf(s.column);
    if (index < 0) bad(`configuration.sort[${i}].column`, `${s.column} is not one of the report's columns (${outputKeys.join(', ')})`);
    else orderBy.push(`${index + 1} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`);
  });
  if (!orderBy.length) {
    // A stable order by default: time then id for rows, the groups themselves for grouped reports.
    if (groupBy.length) orderBy.push(...groupBy.map((_, i) => `${i + 1} ASC`));
    else orderBy.push(`${known.get(source.timeColumn)!.sql} ASC`, 'e.id ASC');
  }
  if (errors.length) throw invalid('ANALYTICS.INVALID_REPORT', `Invalid report: ${errors.map((e) => e.field).join(', ')}.`, { errors });
  return { columns, groupBy, orderBy, limit: config.limit, filters };
}

/** The SELECT of a plan over its source. */
export function planSql(plan: ReportPlan, source: ReportSource, teamId: string | null): { sql: string; params: unknown[] } {
  const { from, params } = source.query({ filters: plan.filters, teamId });
  const known = new Map(source.columns.map((c) => [c.key, c]));
  const select = plan.columns.map((c) => `${c.sql} AS "${c.key}"`).join(', ');
  const group = plan.groupBy.length ? ` GROUP BY ${plan.groupBy.map((k) => known.get(k)!.sql).join(', ')}` : '';
  const limit = plan.limit ? ` LIMIT ${Math.floor(plan.limit)}` : '';
  return { sql: `SELECT ${select} ${from}${group} ORDER BY ${plan.orderBy.join(', ')}${limit}`, params };
}
