import type { ReportTypeName } from '@suite/contracts/analytics';

export type ColumnKind = 'text' | 'number' | 'time';

export interface ColumnDef {
  key: string;
  label: string;
  kind: ColumnKind;
  /** A SQL expression over `e` (a row of analytics_event). */
  sql: string;
  groupable: boolean;
}

/** The rows a report reads: a SELECT whose columns follow `columns`, in order. */
export interface SourceQuery {
  /** FROM/WHERE part: `FROM ... WHERE ...` with $1.. placeholders. */
  from: string;
  params: unknown[];
}

/** What a run asks of its source: the saved filters (already validated), and the team whose data it may see. */
export interface SourceScope {
  filters: ResolvedFilters;
  teamId: string | null;
}

export interface ResolvedFilters {
  from?: Date;
  to?: Date;
  eventTypes?: string[];
  storeIds?: string[];
  status?: string;
}

/**
 * Where the rows of one ReportType come from. Today every source reads raw AnalyticsEvent rows; a
 * source over the hourly/daily aggregates implements the same interface and replaces it per type
 * without touching validation, the queue or the writers.
 */
export interface ReportSource {
  readonly type: ReportTypeName;
  readonly columns: readonly ColumnDef[];
  readonly defaultColumns: readonly string[];
  /** Event types this source may read (LIKE patterns); a filter naming another is refused when saved. */
  readonly eventPatterns: readonly string[];
  /** The column a time range filters on and default ordering uses. */
  readonly timeColumn: string;
  query(scope: SourceScope): SourceQuery;
}
