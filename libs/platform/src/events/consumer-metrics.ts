import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics';

/** Label `consumer` is the durable name: one series per (service, handler), bounded by the code. */
export const consumerHandled = new Counter({
  name: 'suite_event_consumer_handled_total',
  help: 'Events whose handler committed (outcome=handled) or that were already handled (outcome=duplicate)',
  labelNames: ['consumer', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const consumerFailed = new Counter({
  name: 'suite_event_consumer_failed_total',
  help: 'Handler runs that failed and were rolled back (the message is redelivered or dead-lettered)',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

export const consumerRedelivered = new Counter({
  name: 'suite_event_consumer_redelivered_total',
  help: 'Deliveries after the first one (a failed handler, an ack that was lost, a replica that stopped)',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

export const consumerDeadLettered = new Counter({
  name: 'suite_event_consumer_dead_lettered_total',
  help: 'Messages moved to the dead-letter stream, by reason (invalid payload or deliveries exhausted)',
  labelNames: ['consumer', 'reason'] as const,
  registers: [metricsRegistry],
});

export const consumerDuration = new Histogram({
  name: 'suite_event_handler_duration_seconds',
  help: 'Time from receiving an event to its commit, by consumer',
  labelNames: ['consumer'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Sources of the lag gauge: each running consumer registers how to read its pending count. */
const lagSources = new Set<() => Promise<{ consumer: string; stream: string; pending: number }>>();

export function registerLagSource(source: () => Promise<{ consumer: string; stream: string; pending: number }>): () => void {
  lagSources.add(source);
  return () => lagSources.delete(source);
}

export const consumerPending = new Gauge({
  name: 'suite_event_consumer_pending',
  help: 'Messages not yet acked by the consumer: waiting in the stream plus delivered and unacked (lag)',
  labelNames: ['consumer', 'stream'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    const lags = await Promise.allSettled([...lagSources].map((read) => read()));
    for (const lag of lags)
      if (lag.status === 'fulfilled') this.set({ consumer: lag.value.consumer, stream: lag.value.stream }, lag.value.pending);
  },
});
