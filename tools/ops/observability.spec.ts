import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DASHBOARDS } from './dashboards';
import { parseYamlStream } from './kustomize';
import { grafanaToPromql, metricsOf, registeredMetricNames } from './promql';

const root = join(__dirname, '../..');
const dashboardsDir = join(root, 'k8s/observability/dashboards');

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const unknownMetrics = (expr: string, known: Set<string>) => metricsOf(expr).filter((m) => !known.has(m));
const targetsOf = (dashboard: any): string[] => dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr as string));

describe('dashboards and alerting rules', () => {
  let known: Set<string>;
  const composeRules = parse(readFileSync(join(root, 'docker/prometheus/alerts.yml'), 'utf8'));
  const [k8sRules] = parseYamlStream(readFileSync(join(root, 'k8s/observability/prometheus-rules.yaml'), 'utf8')) as any[];
  const rules: Rule[] = composeRules.groups.flatMap((g: any) => g.rules);

  beforeAll(async () => {
    known = await registeredMetricNames(root);
  });

  it('knows the metrics the code registers (the scan finds platform, app and default metrics)', () => {
    for (const name of [
      'suite_http_requests_total',
      'suite_rpc_duration_seconds_bucket',
      'suite_event_consumer_pending',
      'suite_event_consumer_dead_lettered_total',
      'suite_outbox_published_total',
      'suite_iot_readings_stored_total',
      'suite_notification_attempts_total',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_p99_seconds',
      'up',
    ])
      expect(known).toContain(name);
    expect(known).not.toContain('suite_rpc_duration_seconds'); // a histogram is only its _bucket/_sum/_count series
  });

  it('commits the dashboards that tools/ops/dashboards.ts builds (npm run dashboards)', () => {
    expect(readdirSync(dashboardsDir).sort()).toEqual(Object.keys(DASHBOARDS).sort());
    for (const [file, json] of Object.entries(DASHBOARDS))
      expect(JSON.parse(readFileSync(join(dashboardsDir, file), 'utf8'))).toEqual(json);
  });

  it.each(Object.keys(DASHBOARDS))(
    '%s: unique ids and uid, panels inside the grid, every query parses and reads registered metrics',
    (file) => {
      const dashboard = DASHBOARDS[file] as any;
      const ids = dashboard.panels.map((p: any) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const p of dashboard.panels) expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
      const queries = targetsOf(dashboard);
      expect(queries.length).toBeGreaterThan(3);
      for (const q of queries) expect([q, unknownMetrics(grafanaToPromql(q), known)]).toEqual([q, []]);
      const uids = Object.values(DASHBOARDS).map((d: any) => d.uid);
      expect(new Set(uids).size).toBe(uids.length);
    },
  );

  it('covers what an operator asked for: request rate, errors, latency, consumer lag, ingest, checkout, alerts, notifications', () => {
    const all = Object.values(DASHBOARDS).flatMap(targetsOf).join('\n');
    for (const needle of [
      'suite_http_requests_total',
      'suite_http_request_duration_seconds_bucket',
      'suite_rpc_requests_total',
      'suite_event_consumer_pending',
      'suite_iot_readings_stored_total',
      'orders.checkout.create',
      'evt.alerting.alert.raised',
      'suite_notification_attempts_total',
    ])
      expect(all).toContain(needle);
  });

  it('keeps the compose rules file and the PrometheusRule identical', () => {
    expect(k8sRules.kind).toBe('PrometheusRule');
    expect(k8sRules.spec.groups).toEqual(composeRules.groups);
  });

  it('gives every alert a parsing expression over registered metrics, a severity, a summary and a description', () => {
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of rules) {
      expect([rule.alert, unknownMetrics(rule.expr, known)]).toEqual([rule.alert, []]);
      expect(metricsOf(rule.expr).length).toBeGreaterThan(0);
      expect(['critical', 'warning']).toContain(rule.labels.severity);
      expect(rule.annotations.summary && rule.annotations.description).toBeTruthy();
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
    // Service down, error rate, consumer lag, dead letters, ingest falling behind.
    for (const alert of [
      'SuiteServiceUnavailable',
      'SuiteHttpServerErrors',
      'SuiteConsumerLagHigh',
      'SuiteDeadLetters',
      'SuiteTelemetryIngestFallingBehind',
    ])
      expect(names).toContain(alert);
  });

  it('fails on a query with a syntax error or a metric the code does not register', () => {
    expect(() => metricsOf('sum by (job) (rate(suite_http_requests_total[5m])')).toThrow(/PromQL syntax error/);
    expect(() => metricsOf('up ==')).toThrow(/PromQL syntax error/);
    expect(unknownMetrics('sum(rate(suite_checkouts_total[5m])) / sum(rate(suite_http_requests_total{status="500"}[5m]))', known)).toEqual([
      'suite_checkouts_total',
    ]);
    expect(metricsOf(grafanaToPromql('histogram_quantile(0.9, sum by (le) (rate(x_bucket{job=~"$service"}[$__rate_interval])))'))).toEqual([
      'x_bucket',
    ]);
  });
});
