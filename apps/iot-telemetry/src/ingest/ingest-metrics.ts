import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@suite/platform';

export const readingsStored = new Counter({
  name: 'suite_iot_readings_stored_total',
  help: 'Readings written to sensor_data (duplicates not counted)',
  registers: [metricsRegistry],
});
export const readingsDuplicate = new Counter({
  name: 'suite_iot_readings_duplicate_total',
  help: 'Readings already stored (redeliveries, resends)',
  registers: [metricsRegistry],
});
export const telemetryRejected = new Counter({
  name: 'suite_iot_messages_rejected_total',
  help: 'Device messages or readings sent to the dead-letter stream, by reason',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});
export const batchSeconds = new Histogram({
  name: 'suite_iot_batch_write_seconds',
  help: 'Time to write one batch of readings',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [metricsRegistry],
});
