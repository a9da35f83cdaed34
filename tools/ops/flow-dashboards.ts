import { AlertingEvents } from '@suite/contracts/alerting';
import { IotTelemetryEvents } from '@suite/contracts/iot-telemetry';
import { OrdersEvents, OrdersSubjects } from '@suite/contracts/orders';
import { dashboard, PanelSpec } from './grafana';

/** The dashboards of what flows through the suite: events and JetStream, telemetry, checkouts, alerts (see dashboards.ts). */
const RI = '$__rate_interval';

const lagPanel: PanelSpec = {
  title: 'Consumer lag (pending + unacked)',
  description: 'Every replica reports the same durable: the max is the lag.',
  queries: [{ expr: 'max by (consumer, stream) (suite_event_consumer_pending)', legend: '{{consumer}} on {{stream}}' }],
};

export const EVENTS_DASHBOARD = dashboard({
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

export const BUSINESS_DASHBOARD = dashboard({
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
