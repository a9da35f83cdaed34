import { AlertingEvents } from '@suite/contracts/alerting';
import { IotTelemetryEvents } from '@suite/contracts/iot-telemetry';
import { OrdersEvents, OrdersSubjects } from '@suite/contracts/orders';
import { SERVICE_NAMES } from '@suite/platform/config';
import { customVariable, dashboard, PanelSpec } from './grafana';

/**
 * The suite's Grafana dashboards, written to k8s/observability/dashboards/ by `npm run dashboards` (the kustomization
 * turns them into a ConfigMap for Grafana's sidecar; the compose stack mounts the same folder). Every query uses
 * metrics the services register: tools/ops/ops.spec.ts checks that, and that the files equal what this builds.
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

const lagPanel: PanelSpec = {
  title: 'Consumer lag (pending + unacked)',
  description: 'Every replica reports the same durable: the max is the lag.',
  queries: [{ expr: 'max by (consumer, stream) (suite_event_consumer_pending)', legend: '{{consumer}} on {{stream}}' }],
};

const events = dashboard({
  uid: 'suite-events',
  title: 'Suite / Events and JetStream',
  description: 'Outbox publishing, durable consumers (lag, failures, redeliveries) and dead letters.',
  rows: [
    {
      title: 'Consumers',
      panels: [
        lagPanel,
        {
          title: 'Events handled/s',
          unit: 'ops',
          queries: [
            { expr: `sum by (consumer, outcome) (rate(suite_event_consumer_handled_total[${RI}]))`, legend: '{{consumer}} {{outcome}}' },
          ],
        },
        {
          title: 'Handler failures/s',
          unit: 'ops',
          queries: [{ expr: `sum by (consumer) (rate(suite_event_consumer_failed_total[${RI}]))`, legend: '{{consumer}}' }],
        },
        {
          title: 'Redeliveries/s',
          unit: 'ops',
          queries: [{ expr: `sum by (consumer) (rate(suite_event_consumer_redelivered_total[${RI}]))`, legend: '{{consumer}}' }],
        },
        {
          title: 'Handler p95 (receive to commit)',
          unit: 's',
          queries: [
            {
              expr: `histogram_quantile(0.95, sum by (consumer, le) (rate(suite_event_handler_duration_seconds_bucket[${RI}])))`,
              legend: '{{consumer}}',
            },
          ],
        },
        {
          title: 'Dead-lettered (last hour)',
          kind: 'stat',
          queries: [
            {
              expr: 'sum by (consumer, reason) (increase(suite_event_consumer_dead_lettered_total[1h]))',
              legend: '{{consumer}} {{reason}}',
            },
          ],
        },
      ],
    },
    {
      title: 'Outbox',
      panels: [
        {
          title: 'Events published/s by subject',
          unit: 'ops',
          stack: true,
          queries: [{ expr: `sum by (subject) (rate(suite_outbox_published_total[${RI}]))`, legend: '{{subject}}' }],
        },
        {
          title: 'Publish failures/s',
          unit: 'ops',
          queries: [{ expr: `sum by (job, subject) (rate(suite_outbox_publish_failures_total[${RI}]))`, legend: '{{job}} {{subject}}' }],
        },
      ],
    },
  ],
});

const published = (subject: string, legend: string) => ({
  expr: `sum(rate(suite_outbox_published_total{subject="${subject}"}[${RI}]))`,
  legend,
});
const ingestLag = 'max(suite_event_consumer_pending{consumer="iot-telemetry-ingest"})';

const business = dashboard({
  uid: 'suite-business',
  title: 'Suite / Telemetry, checkout and alerting',
  description: 'Telemetry ingest, checkouts and orders, alerts raised and notifications delivered.',
  rows: [
    {
      title: 'Telemetry ingest',
      panels: [
        {
          title: 'Readings/s',
          unit: 'ops',
          queries: [
            { expr: `sum(rate(suite_iot_readings_stored_total[${RI}]))`, legend: 'stored' },
            { expr: `sum(rate(suite_iot_readings_duplicate_total[${RI}]))`, legend: 'duplicate' },
            { expr: `sum by (reason) (rate(suite_iot_messages_rejected_total[${RI}]))`, legend: 'dead-lettered: {{reason}}' },
          ],
        },
        {
          title: 'Ingest backlog (IOT_TELEMETRY)',
          description: 'Messages waiting or unacked: growing means ingest falls behind.',
          queries: [{ expr: ingestLag, legend: 'pending' }],
        },
        {
          title: 'Batch write p95',
          unit: 's',
          queries: [{ expr: `histogram_quantile(0.95, sum by (le) (rate(suite_iot_batch_write_seconds_bucket[${RI}])))`, legend: 'p95' }],
        },
        {
          title: 'Devices events/s',
          unit: 'ops',
          queries: [
            published(IotTelemetryEvents.ThresholdBreached, 'threshold breached'),
            published(IotTelemetryEvents.DeviceOffline, 'device offline'),
          ],
        },
      ],
    },
    {
      title: 'Checkout and orders',
      panels: [
        {
          title: 'Checkouts/s by outcome',
          unit: 'ops',
          queries: [
            {
              expr: `sum by (outcome) (rate(suite_rpc_requests_total{subject="${OrdersSubjects.CheckoutCreate}"}[${RI}]))`,
              legend: '{{outcome}}',
            },
          ],
        },
        {
          title: 'Orders/s',
          unit: 'ops',
          queries: [
            published(OrdersEvents.OrderPlaced, 'placed'),
            published(OrdersEvents.OrderPaid, 'paid'),
            published(OrdersEvents.OrderCancelled, 'cancelled'),
            published(OrdersEvents.OrderRefunded, 'refunded'),
          ],
        },
        {
          title: 'Checkout latency',
          unit: 's',
          queries: [
            {
              expr: `histogram_quantile(0.95, sum by (le) (rate(suite_rpc_duration_seconds_bucket{subject="${OrdersSubjects.CheckoutCreate}"}[${RI}])))`,
              legend: 'p95',
            },
            {
              expr: `histogram_quantile(0.5, sum by (le) (rate(suite_rpc_duration_seconds_bucket{subject="${OrdersSubjects.CheckoutCreate}"}[${RI}])))`,
              legend: 'p50',
            },
          ],
        },
        {
          title: 'Checkouts (last 24 h)',
          kind: 'stat',
          queries: [
            { expr: `sum(increase(suite_outbox_published_total{subject="${OrdersEvents.OrderPlaced}"}[24h]))`, legend: 'orders placed' },
          ],
        },
      ],
    },
    {
      title: 'Alerts and notifications',
      panels: [
        {
          title: 'Alerts/s',
          unit: 'ops',
          queries: [published(AlertingEvents.AlertRaised, 'raised'), published(AlertingEvents.AlertResolved, 'resolved')],
        },
        {
          title: 'Notification attempts/s by channel and outcome',
          unit: 'ops',
          stack: true,
          queries: [
            { expr: `sum by (channel, outcome) (rate(suite_notification_attempts_total[${RI}]))`, legend: '{{channel}} {{outcome}}' },
          ],
        },
        {
          title: 'Alerts raised (last 24 h)',
          kind: 'stat',
          queries: [
            { expr: `sum(increase(suite_outbox_published_total{subject="${AlertingEvents.AlertRaised}"}[24h]))`, legend: 'raised' },
          ],
        },
        {
          title: 'Notifications (last 24 h)',
          kind: 'stat',
          queries: [{ expr: 'sum by (outcome) (increase(suite_notification_attempts_total[24h]))', legend: '{{outcome}}' }],
        },
      ],
    },
  ],
});

/** File name (in k8s/observability/dashboards/) to dashboard JSON. */
export const DASHBOARDS: Record<string, object> = {
  'suite-overview.json': overview,
  'suite-service.json': detail,
  'suite-events.json': events,
  'suite-business.json': business,
};
