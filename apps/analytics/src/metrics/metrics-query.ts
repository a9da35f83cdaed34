import { SqlRunner } from '../aggregates/ingest';
import { Sums } from './metric-math';
import { ResolvedPeriod } from './period';

/** What a query may read: null lists mean everything (staff). */
export interface QueryScope {
  /** Commerce rows of these teams only. */
  teamIds: string[] | null;
  /** Device rows of this owner's devices only. */
  ownerId: string | null;
  filters: { storeId?: string; teamId?: string; channel?: string; productId?: string; category?: string; deviceId?: string };
}

export const DIMENSION_COLUMNS = {
  store: 'store_id',
  team: 'team_id',
  channel: 'channel',
  platform: 'channel',
  product: 'product_id',
  category: 'category',
  device: 'device_id',
} as const;

const FILTER_COLUMNS = {
  storeId: 'store_id',
  teamId: 'team_id',
  channel: 'channel',
  productId: 'product_id',
  category: 'category',
  deviceId: 'device_id',
};
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/UCT', 'UCT', 'Zulu', 'Etc/Zulu']);

interface Row {
  k: string;
  source: string;
  count: number;
  amount: string;
  quantity: number;
  customers: number;
}

/**
 * Reads the aggregates, never the raw events: the daily table when the caller's days are UTC days,
 * the hourly one (grouped by the caller's local day) otherwise.
 */
export class MetricsQuery {
  constructor(private readonly db: SqlRunner) {}

  private table(period: ResolvedPeriod) {
    return UTC_ZONES.has(period.timezone) && period.interval !== 'hour' ? 'analytics_aggregate_daily' : 'analytics_aggregate_hourly';
  }

  private where(sources: string[], period: ResolvedPeriod, scope: QueryScope, device: boolean) {
    const params: unknown[] = [sources, period.from.toISOString(), period.to.toISOString()];
    const clauses = ['source = ANY($1::text[])', 'bucket >= $2::timestamptz', 'bucket < $3::timestamptz'];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(`$${params.length}`));
    };
    // A row of a team's store whose team was learnt after the row was written (a checkout tracked before
    // the store's first order) still belongs to the team.
    if (!device && scope.teamIds)
      add(
        (n) => `(team_id = ANY(${n}::text[]) OR store_id IN (SELECT store_id FROM analytics_store WHERE team_id = ANY(${n}::text[])))`,
        scope.teamIds,
      );
    if (device && scope.ownerId) add((n) => `device_id IN (SELECT device_id FROM analytics_device WHERE owner_id = ${n})`, scope.ownerId);
    for (const [key, column] of Object.entries(FILTER_COLUMNS)) {
      const value = scope.filters[key as keyof QueryScope['filters']];
      if (value !== undefined) add((n) => `${column} = ${n}`, value);
    }
    return { params, sql: clauses.join(' AND ') };
  }

  private async grouped(keySql: string, sources: string[], period: ResolvedPeriod, scope: QueryScope, device: boolean) {
    const { params, sql } = this.where(sources, period, scope, device);
    // Time zone and step only when the key uses them: Postgres refuses a parameter it cannot type.
    const zoned = keySql.includes('$TZ');
    const keyed = keySql.replace(/\$TZ/g, `$${params.length + 1}`).replace(/\$IV/g, `$${params.length + 2}`);
    const rows = await this.db.$queryRawUnsafe<Row[]>(
      `SELECT ${keyed} AS k, source, sum(count)::float8 AS count, sum(amount)::text AS amount, sum(quantity)::float8 AS quantity,
         count(DISTINCT customer_id) FILTER (WHERE customer_id <> '')::int AS customers
       FROM ${this.table(period)} WHERE ${sql} GROUP BY 1, 2`,
      ...params,
      ...(zoned ? [period.timezone, period.interval] : []),
    );
    const out = new Map<string, Sums>();
    for (const r of rows) {
      const sums = out.get(r.k) ?? {};
      sums[r.source] = { count: r.count, cents: Math.round(Number(r.amount) * 100), quantity: r.quantity, customers: r.customers };
      out.set(r.k, sums);
    }
    return out;
  }

  /** Sums per local step start ('YYYY-MM-DDTHH:MM:SS' in the zone). */
  series(sources: string[], period: ResolvedPeriod, scope: QueryScope, device: boolean) {
    return this.grouped(`to_char(date_trunc($IV, bucket AT TIME ZONE $TZ), 'YYYY-MM-DD"T"HH24:MI:SS')`, sources, period, scope, device);
  }

  /** Sums over the whole period, per value of a dimension ('' without one). */
  totals(sources: string[], period: ResolvedPeriod, scope: QueryScope, device: boolean, dimension?: keyof typeof DIMENSION_COLUMNS) {
    return this.grouped(dimension ? DIMENSION_COLUMNS[dimension] : `''`, sources, period, scope, device);
  }

  /** The steps of the period in the zone, with their length in seconds (a DST day has 23 or 25 hours). */
  async steps(period: ResolvedPeriod): Promise<{ start: string; seconds: number }[]> {
    return this.db.$queryRawUnsafe(
      `SELECT to_char(g, 'YYYY-MM-DD"T"HH24:MI:SS') AS start,
         extract(epoch FROM ((g + ('1 ' || $4)::interval) AT TIME ZONE $3) - (g AT TIME ZONE $3))::float8 AS seconds
       FROM generate_series(date_trunc($4, $1::timestamptz AT TIME ZONE $3), ($2::timestamptz AT TIME ZONE $3) - interval '1 second', ('1 ' || $4)::interval) AS g`,
      period.from.toISOString(),
      period.to.toISOString(),
      period.timezone,
      period.interval,
    );
  }

  /** Top products by units or customers by net paid, best first. */
  async top(kind: 'product' | 'customer', period: ResolvedPeriod, scope: QueryScope, limit: number) {
    const source = kind === 'product' ? 'product.ordered' : 'customer.paid';
    const column = kind === 'product' ? 'product_id' : 'customer_id';
    const order = kind === 'product' ? 'sum(quantity)' : 'sum(amount)';
    const { params, sql } = this.where([source], period, scope, false);
    return this.db.$queryRawUnsafe<{ key: string; quantity: number; amount: string; count: number }[]>(
      `SELECT ${column} AS key, sum(quantity)::float8 AS quantity, sum(amount)::text AS amount, sum(count)::float8 AS count
       FROM ${this.table(period)} WHERE ${sql} AND ${column} <> '' GROUP BY 1 ORDER BY ${order} DESC, 1 LIMIT $${params.length + 1}`,
      ...params,
      limit,
    );
  }

  /** Devices in scope (the uptime denominator). */
  async devices(scope: QueryScope): Promise<number> {
    const [row] = await this.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM analytics_device WHERE ($1::text IS NULL OR owner_id = $1) AND ($2::text IS NULL OR device_id = $2)`,
      scope.ownerId,
      scope.filters.deviceId ?? null,
    );
    return row.n;
  }

  /** Accounts registered in the period (sign-ups carry no store: staff only see them). */
  async registrations(period: ResolvedPeriod): Promise<number> {
    const [row] = await this.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT coalesce(sum(count), 0)::int AS n FROM ${this.table(period)} WHERE source = 'customer.registered' AND bucket >= $1::timestamptz AND bucket < $2::timestamptz`,
      period.from.toISOString(),
      period.to.toISOString(),
    );
    return row.n;
  }
}
