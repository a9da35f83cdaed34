import { Injectable } from '@nestjs/common';
import {
  ApiUsageByEndpointQuery,
  ApiUsageByKeyQuery,
  ApiUsageByUserQuery,
  ApiUsageRange,
  ApiUsageReport,
  ApiUsageStats,
  RateLimitQuery,
  RateLimitWindowView,
} from '@suite/contracts/analytics';
import type { Page } from '@suite/contracts/core';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import { CallerIdentity, InjectDb, invalid, newestFirstAfter, pageLimit, timeKeyOf, toPage } from '@suite/platform';
import { usageOwner } from './api-usage-access';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;

const badRange = (field: string, message: string) =>
  invalid('ANALYTICS.INVALID_RANGE', message, { errors: [{ field, messages: [message] }] });

/** The statistics of each group; percentiles are computed by PostgreSQL over the group's rows (percentile_cont). */
const STATS = Prisma.sql`
  count(*)::int AS requests,
  (count(*) FILTER (WHERE status_code >= 400))::int AS errors,
  (count(*) FILTER (WHERE status_code >= 500))::int AS "serverErrors",
  (count(*) FILTER (WHERE throttled))::int AS throttled,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY response_time) AS p50,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY response_time) AS p95,
  percentile_cont(0.99) WITHIN GROUP (ORDER BY response_time) AS p99,
  avg(response_time)::float8 AS avg`;

/** The /api-usage queries: requests per API key, user or endpoint over a time range, and refused rate-limit windows. */
@Injectable()
export class ApiUsageService {
  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  byKey(q: ApiUsageByKeyQuery, caller: CallerIdentity): Promise<ApiUsageReport> {
    const owner = usageOwner(caller);
    const filters = [Prisma.sql`api_key IS NOT NULL`];
    if (q.apiKey !== undefined) filters.push(Prisma.sql`api_key = ${q.apiKey}`);
    return this.report(q, owner, filters, Prisma.sql`api_key AS "apiKey"`, Prisma.sql`api_key`);
  }

  byUser(q: ApiUsageByUserQuery, caller: CallerIdentity): Promise<ApiUsageReport> {
    const owner = usageOwner(caller, q.userId);
    const filters = [Prisma.sql`user_id IS NOT NULL`];
    if (q.userId !== undefined) filters.push(Prisma.sql`user_id = ${q.userId}`);
    return this.report(q, owner, filters, Prisma.sql`user_id AS "userId"`, Prisma.sql`user_id`);
  }

  byEndpoint(q: ApiUsageByEndpointQuery, caller: CallerIdentity): Promise<ApiUsageReport> {
    const owner = usageOwner(caller);
    const filters: Prisma.Sql[] = [];
    if (q.endpoint !== undefined) filters.push(Prisma.sql`endpoint = ${q.endpoint}`);
    if (q.method !== undefined) filters.push(Prisma.sql`method = ${q.method}`);
    return this.report(q, owner, filters, Prisma.sql`endpoint, method`, Prisma.sql`endpoint, method`);
  }

  async rateLimits(q: RateLimitQuery, caller: CallerIdentity): Promise<Page<RateLimitWindowView>> {
    const owner = usageOwner(caller);
    const limit = pageLimit(q);
    const where: Prisma.RateLimitLogWhereInput = {
      blocked: true,
      windowStart: { gte: q.from ? new Date(q.from) : undefined, lt: q.to ? new Date(q.to) : undefined },
      endpoint: q.endpoint,
      AND: [{ identifier: q.identifier }, ...(owner ? [{ identifier: { in: await this.identifiersOf(owner) } }] : [])],
      ...newestFirstAfter(q.cursor),
    };
    const rows = await this.db.rateLimitLog.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    const views = rows.map((r) => ({
      ...r,
      windowStart: r.windowStart.toISOString(),
      windowEnd: r.windowEnd.toISOString(),
      createdAt: r.createdAt.toISOString(),
    }));
    return toPage(views, limit, (r) => timeKeyOf(r.createdAt, r.id));
  }

  /** The trackers a user's requests were counted under: their own and their API keys'. */
  private async identifiersOf(userId: string): Promise<string[]> {
    const keys = await this.db.$queryRaw<{ apiKey: string }[]>`
      SELECT DISTINCT api_key AS "apiKey" FROM api_usage_logs WHERE user_id = ${userId} AND api_key IS NOT NULL`;
    return [`user:${userId}`, ...keys.map((k) => `key:${k.apiKey}`)];
  }

  private async report(
    q: ApiUsageRange,
    owner: string | null,
    filters: Prisma.Sql[],
    columns: Prisma.Sql,
    groupBy: Prisma.Sql,
  ): Promise<ApiUsageReport> {
    const { from, to } = rangeOf(q);
    const where = [Prisma.sql`"timestamp" >= ${from}`, Prisma.sql`"timestamp" < ${to}`, ...filters];
    if (owner) where.push(Prisma.sql`user_id = ${owner}`);
    const rows = await this.db.$queryRaw<ApiUsageStats[]>`
      SELECT ${columns}, ${STATS}
      FROM api_usage_logs
      WHERE ${Prisma.join(where, ' AND ')}
      GROUP BY ${groupBy}
      ORDER BY requests DESC, ${groupBy}
      LIMIT ${q.limit ?? 100}`;
    return { from: from.toISOString(), to: to.toISOString(), items: rows };
  }
}

function rangeOf(q: ApiUsageRange): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY_MS);
  if (from >= to) throw badRange('from', 'from must be before to.');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw badRange('from', `A range covers at most ${MAX_RANGE_DAYS} days.`);
  return { from, to };
}
