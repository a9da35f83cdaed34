import { operation } from '@suite/contracts/identity';
import { DashboardView, MetricQuery, MetricScopeQuery, MetricView } from './metrics.dto';
import { AnalyticsMetricsSubjects } from './metrics.subjects';

export const MetricGet = operation({
  subject: AnalyticsMetricsSubjects.MetricGet,
  request: MetricQuery,
  response: MetricView,
  permissions: ['analytics:read'],
  http: {
    method: 'GET',
    path: 'analytics/metrics',
    query: MetricQuery,
    summary: "One metric over a period in the caller's time zone: series, total and breakdown, from the hourly and daily aggregates",
  },
});

export const DashboardGet = operation({
  subject: AnalyticsMetricsSubjects.DashboardGet,
  request: MetricScopeQuery,
  response: DashboardView,
  permissions: ['analytics:read'],
  http: {
    method: 'GET',
    path: 'analytics/dashboard',
    query: MetricScopeQuery,
    summary: 'The main metrics of a period at once (sellers: their teams stores; growers: their devices)',
  },
});

export const AnalyticsMetricsOperations = [MetricGet, DashboardGet];
