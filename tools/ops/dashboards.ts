import { SERVICE_NAMES } from '@suite/platform/config';
import { BUSINESS_DASHBOARD, EVENTS_DASHBOARD } from './flow-dashboards';
import { customVariable, dashboard } from './grafana';

/**
 * The suite's Grafana dashboards, written to k8s/observability/dashboards/ by `npm run dashboards` (the kustomization
 * turns them into a ConfigMap for Grafana's sidecar; the compose stack mounts the same folder). Every query uses
 * metrics the services register: tools/ops/observability.spec.ts checks that, and that the files equal what this builds.
 */
const svc = 'job=~"$service"';
const RI = '$__rate_interval';
const p95 = (bucket: string, by: string, filter = svc) =>
  `histogram_quantile(0.95, sum by (${by}, le) (rate(${bucket}{${filter}}[${RI}])))`;

const services = customVariable('service', 'Service', SERVICE_NAMES);

const overview = dashboard({
  uid: 'suite-overview',
  title: 'Suite / Overview',
  description: 'Every service at a glance: up, request rates, errors, latency, resources.',
  variables: [services],
  rows: [
    {
      title: 'Availability',
      panels: [{ title: 'Instances up', kind: 'stat', width: 24, queries: [{ expr: `sum by (job) (up{${svc}})`, legend: '{{job}}' }] }],
    },
    {
      title: 'Traffic and errors',
      panels: [
        {
          title: 'HTTP requests/s',
          unit: 'reqps',
          queries: [{ expr: `sum by (job) (rate(suite_http_requests_total{${svc}}[${RI}]))`, legend: '{{job}}' }],
        },
        {
          title: 'NATS requests handled/s',
          unit: 'reqps',
          queries: [{ expr: `sum by (job) (rate(suite_rpc_requests_total{${svc}}[${RI}]))`, legend: '{{job}}' }],
        },
        {
          title: 'HTTP 5xx ratio',
          unit: 'percentunit',
          queries: [
            {
              expr: `sum by (job) (rate(suite_http_requests_total{${svc},status=~"5.."}[${RI}])) / sum by (job) (rate(suite_http_requests_total{${svc}}[${RI}]))`,
              legend: '{{job}}',
            },
          ],
        },
        {
          title: 'NATS replies with an error (ratio)',
          description: 'Typed errors included (not found, invalid, conflict): a rise matters more than the level.',
          unit: 'percentunit',
          queries: [
            {
              expr: `sum by (job) (rate(suite_rpc_requests_total{${svc},outcome="error"}[${RI}])) / sum by (job) (rate(suite_rpc_requests_total{${svc}}[${RI}]))`,
              legend: '{{job}}',
            },
          ],
        },
      ],
    },
    {
      title: 'Latency',
      panels: [
        {
          title: 'HTTP p95 (streams excluded)',
          unit: 's',
          queries: [{ expr: p95('suite_http_request_duration_seconds_bucket', 'job', `${svc},route!~".*/stream"`), legend: '{{job}}' }],
        },
        { title: 'NATS handling p95', unit: 's', queries: [{ expr: p95('suite_rpc_duration_seconds_bucket', 'job'), legend: '{{job}}' }] },
      ],
    },
    {
      title: 'Resources',
      panels: [
        {
          title: 'CPU (cores)',
          width: 8,
          queries: [{ expr: `sum by (job) (rate(process_cpu_seconds_total{${svc}}[${RI}]))`, legend: '{{job}}' }],
        },
        {
          title: 'Resident memory',
          unit: 'bytes',
          width: 8,
          queries: [{ expr: `sum by (job) (process_resident_memory_bytes{${svc}})`, legend: '{{job}}' }],
        },
        {
          title: 'Event loop lag p99',
          unit: 's',
          width: 8,
          queries: [{ expr: `max by (job) (nodejs_eventloop_lag_p99_seconds{${svc}})`, legend: '{{job}}' }],
        },
      ],
    },
  ],
});

const detail = dashboard({
  uid: 'suite-service',
  title: 'Suite / Service detail',
  description: 'One service (or a few) by route and subject: rate, errors and latency of what it answers and what it calls.',
  variables: [services],
  rows: [
    {
      title: 'HTTP',
      panels: [
        {
          title: 'Requests/s by route and status',
          unit: 'reqps',
          queries: [
            {
              expr: `sum by (job, route, status) (rate(suite_http_requests_total{${svc}}[${RI}]))`,
              legend: '{{job}} {{route}} {{status}}',
            },
          ],
        },
        {
          title: 'p95 by route',
          unit: 's',
          queries: [{ expr: p95('suite_http_request_duration_seconds_bucket', 'job, route'), legend: '{{job}} {{route}}' }],
        },
      ],
    },
    {
      title: 'NATS request/reply (handled)',
      panels: [
        {
          title: 'Requests/s by subject and outcome',
          unit: 'reqps',
          queries: [
            { expr: `sum by (subject, outcome) (rate(suite_rpc_requests_total{${svc}}[${RI}]))`, legend: '{{subject}} {{outcome}}' },
          ],
        },
        {
          title: 'Latency by subject',
          unit: 's',
          queries: [
            { expr: p95('suite_rpc_duration_seconds_bucket', 'subject'), legend: 'p95 {{subject}}' },
            {
              expr: `histogram_quantile(0.5, sum by (subject, le) (rate(suite_rpc_duration_seconds_bucket{${svc}}[${RI}])))`,
              legend: 'p50 {{subject}}',
            },
          ],
        },
      ],
    },
    {
      title: 'Calls to other services',
      panels: [
        {
          title: 'Requests sent/s by outcome',
          unit: 'reqps',
          queries: [
            {
              expr: `sum by (subject, outcome) (rate(suite_nats_client_requests_total{${svc}}[${RI}]))`,
              legend: '{{subject}} {{outcome}}',
            },
          ],
        },
        {
          title: 'NATS errors/s by type',
          queries: [{ expr: `sum by (job, type) (rate(suite_nats_errors_total{${svc}}[${RI}]))`, legend: '{{job}} {{type}}' }],
        },
      ],
    },
  ],
});

/** File name (in k8s/observability/dashboards/) to dashboard JSON. */
export const DASHBOARDS: Record<string, object> = {
  'suite-overview.json': overview,
  'suite-service.json': detail,
  'suite-events.json': EVENTS_DASHBOARD,
  'suite-business.json': BUSINESS_DASHBOARD,
};
