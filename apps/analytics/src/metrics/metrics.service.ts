import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DashboardView, METRIC_TYPES, MetricEntryView, MetricQuery, MetricScopeQuery, MetricView } from '@suite/contracts/analytics';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import { CallerIdentity, InjectDb } from '@suite/platform';
import { AnalyticsConfig } from '../config';
import { checkDashboardQuery, checkMetricQuery } from './metric-rules';
import { isDeviceMetric, METRIC_SOURCES, METRIC_UNITS, metricValue, money, Sums } from './metric-math';
import { scopeFor } from './metrics-access';
import { MetricsQuery, QueryScope } from './metrics-query';
import { resolvePeriod, ResolvedPeriod } from './period';

const filtersOf = (q: MetricScopeQuery): QueryScope['filters'] => {
  const { storeId, teamId, channel, productId, category, deviceId } = q;
  return Object.fromEntries(Object.entries({ storeId, teamId, channel, productId, category, deviceId }).filter(([, v]) => v !== undefined));
};
const periodView = (p: ResolvedPeriod) => ({
  from: p.from.toISOString(),
  to: p.to.toISOString(),
  timezone: p.timezone,
  interval: p.interval,
});

/** Metrics computed from the aggregates, kept in AnalyticsCache for their TTL (dropped when an event of their period arrives). */
@Injectable()
export class MetricsService {
  private readonly query: MetricsQuery;
  private readonly ttlSeconds: number;

  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    config: AnalyticsConfig,
  ) {
    this.ttlSeconds = config.ANALYTICS_CACHE_TTL_SECONDS;
    this.query = new MetricsQuery(db);
  }

  async metric(q: MetricQuery, caller: CallerIdentity): Promise<MetricView> {
    const period = resolvePeriod(q);
    checkMetricQuery(q);
    const scope = await scopeFor(this.db, caller, filtersOf(q));
    const limit = q.limit ?? 10;
    const key = createHash('sha256')
      .update(JSON.stringify([q.metric, periodView(period), scope, q.dimension ?? null, limit]))
      .digest('hex');
    const hit = await this.db.analyticsCache.findUnique({ where: { cacheKey: key } });
    if (hit && hit.calculatedAt.getTime() + hit.ttl * 1000 > Date.now()) return { ...(hit.value as unknown as MetricView), cached: true };
    const view = await this.compute(q, period, scope, limit);
    const row = {
      metricType: q.metric,
      dimensions: {
        ...scope.filters,
        dimension: q.dimension ?? null,
        timezone: period.timezone,
        interval: period.interval,
      } as Prisma.InputJsonObject,
      value: view as unknown as Prisma.InputJsonObject,
      periodStart: period.from,
      periodEnd: period.to,
      calculatedAt: new Date(view.calculatedAt),
      ttl: this.ttlSeconds,
    };
    // Known window: an event whose transaction dropped this period's rows before this write and committed after
    // the reads above leaves a value that misses it, for at most the TTL.
    await this.db.analyticsCache.upsert({ where: { cacheKey: key }, create: { cacheKey: key, ...row }, update: row });
    return view;
  }

  private async compute(q: MetricQuery, period: ResolvedPeriod, scope: QueryScope, limit: number): Promise<MetricView> {
    const calculatedAt = new Date().toISOString();
    const device = isDeviceMetric(q.metric);
    const sources = METRIC_SOURCES[q.metric];
    const [steps, series, totals, devices] = await Promise.all([
      this.query.steps(period),
      this.query.series(sources, period, scope, device),
      this.query.totals(sources, period, scope, device),
      q.metric === 'DEVICE_UPTIME' ? this.query.devices(scope) : Promise.resolve(0),
    ]);
    const seconds = (period.to.getTime() - period.from.getTime()) / 1000;
    let entries: MetricEntryView[] = [];
    if (q.metric === 'TOP_PRODUCTS' || q.metric === 'TOP_CUSTOMERS') {
      const product = q.metric === 'TOP_PRODUCTS';
      entries = (await this.query.top(product ? 'product' : 'customer', period, scope, limit)).map((r) => ({
        key: r.key,
        value: product ? String(r.quantity) : money(Math.round(Number(r.amount) * 100)),
        count: r.count,
      }));
    } else if (q.dimension) {
      const byKey = await this.query.totals(sources, period, scope, device, q.dimension);
      entries = [...byKey]
        .map(([key, sums]) => ({ key, value: metricValue(q.metric, sums, { seconds, devices: 1 }) }))
        .sort((a, b) => Number(b.value ?? -Infinity) - Number(a.value ?? -Infinity) || a.key.localeCompare(b.key));
    }
    return {
      metric: q.metric,
      unit: METRIC_UNITS[q.metric],
      period: periodView(period),
      total: metricValue(q.metric, totals.get('') ?? {}, { seconds, devices }),
      series: steps.map((s) => ({
        start: s.start,
        value: metricValue(q.metric, series.get(s.start) ?? {}, { seconds: s.seconds, devices }),
      })),
      entries,
      calculatedAt,
      cached: false,
    };
  }

  /** Every metric's total over the period at once: one read of the commerce aggregates, one of the device ones. */
  async dashboard(q: MetricScopeQuery, caller: CallerIdentity): Promise<DashboardView> {
    const period = resolvePeriod(q);
    checkDashboardQuery(q);
    const filters = filtersOf(q);
    const scope = await scopeFor(this.db, caller, filters);
    const commerceScope = { ...scope, filters: { ...filters, deviceId: undefined } };
    const deviceScope = { ...scope, filters: { deviceId: filters.deviceId } };
    const commerce = METRIC_TYPES.filter((m) => !isDeviceMetric(m));
    const devicesOnly = METRIC_TYPES.filter((m) => isDeviceMetric(m));
    const union = (ms: readonly string[]) => [...new Set(ms.flatMap((m) => METRIC_SOURCES[m as keyof typeof METRIC_SOURCES]))];
    const clean = (s: QueryScope): QueryScope => ({
      ...s,
      filters: Object.fromEntries(Object.entries(s.filters).filter(([, v]) => v !== undefined)),
    });
    const [shop, things, devices, topProducts, topCustomers, registrations] = await Promise.all([
      this.query.totals(union(commerce), period, clean(commerceScope), false),
      this.query.totals(union(devicesOnly), period, clean(deviceScope), true),
      this.query.devices(clean(deviceScope)),
      this.query.top('product', period, clean(commerceScope), 5),
      this.query.top('customer', period, clean(commerceScope), 5),
      scope.teamIds === null ? this.query.registrations(period) : Promise.resolve(0),
    ]);
    const seconds = (period.to.getTime() - period.from.getTime()) / 1000;
    const sums: Sums = { ...(shop.get('') ?? {}), ...(things.get('') ?? {}) };
    return {
      period: periodView(period),
      totals: Object.fromEntries(METRIC_TYPES.map((m) => [m, metricValue(m, sums, { seconds, devices })])),
      newCustomers: registrations,
      topProducts: topProducts.map((r) => ({ key: r.key, value: String(r.quantity), count: r.count })),
      topCustomers: topCustomers.map((r) => ({ key: r.key, value: money(Math.round(Number(r.amount) * 100)), count: r.count })),
    };
  }
}
