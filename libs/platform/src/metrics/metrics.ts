import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process, scraped at GET /metrics. Label values are bounded (subjects and routes,
 * never ids) so the series count stays small.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const rpcRequests = new Counter({
  name: 'suite_rpc_requests_total',
  help: 'NATS request/reply calls handled, by subject and outcome',
  labelNames: ['subject', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const rpcDuration = new Histogram({
  name: 'suite_rpc_duration_seconds',
  help: 'Time to handle a NATS request, by subject',
  labelNames: ['subject'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const natsClientRequests = new Counter({
  name: 'suite_nats_client_requests_total',
  help: 'NATS requests sent to other services, by subject and outcome',
  labelNames: ['subject', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const natsErrors = new Counter({
  name: 'suite_nats_errors_total',
  help: 'NATS failures: timeouts, missing responders, disconnects, publish errors',
  labelNames: ['type'] as const,
  registers: [metricsRegistry],
});

export const httpRequests = new Counter({
  name: 'suite_http_requests_total',
  help: 'HTTP requests answered, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'suite_http_request_duration_seconds',
  help: 'HTTP request latency, by method and route',
  labelNames: ['method', 'route'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * Events the outbox relay published (counted once their rows are marked, i.e. committed), by subject: the rate of
 * every business fact that crosses services (orders placed and paid, alerts raised, notifications failed...).
 */
export const outboxPublished = new Counter({
  name: 'suite_outbox_published_total',
  help: 'Outbox events published to JetStream and marked published, by subject',
  labelNames: ['subject'] as const,
  registers: [metricsRegistry],
});

export const outboxPublishFailures = new Counter({
  name: 'suite_outbox_publish_failures_total',
  help: 'Outbox rows whose publish failed on a pass (left for a later pass), by subject',
  labelNames: ['subject'] as const,
  registers: [metricsRegistry],
});
