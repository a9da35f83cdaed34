/** Subjects of the metrics (kept apart from subjects.ts so reports and metrics grow without touching each other). */
export const AnalyticsMetricsSubjects = {
  MetricGet: 'analytics.metric.get',
  DashboardGet: 'analytics.dashboard.get',
} as const;
