import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { JsMsg } from '@nats-io/jetstream';
import { DeviceBridge, LiveReadings, StoredReading } from '@suite/contracts/iot-telemetry';
import { NatsConnectionService } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { DevicePresence } from '../presence/device-presence';
import { ThresholdEvaluator } from '../thresholds/threshold-evaluator';
import { batchSeconds, readingsDuplicate, readingsStored } from './ingest-metrics';
import { ReadingRow } from './parse-telemetry';
import { ReadingWriter } from './reading-writer';

/** Two inserts in flight: one is being written while the next fills, without letting a slow database pile up batches. */
const MAX_WRITES_IN_FLIGHT = 2;

interface Pending {
  message: JsMsg;
  rows: ReadingRow[];
}

/**
 * Collects readings and writes them in batches: when INGEST_BATCH_SIZE readings wait, or INGEST_FLUSH_MS after the first
 * one arrived, whichever comes first. After a batch commits, in the order batches were cut: ack its messages, update
 * presence, publish it live (SSE), evaluate thresholds. A failed write naks the batch's messages for redelivery.
 */
@Injectable()
export class BatchPipeline implements OnModuleDestroy {
  private readonly logger = new Logger('BatchPipeline');
  private pending: Pending[] = [];
  private pendingRows = 0;
  private firstAt = 0;
  private readonly writes: Promise<void>[] = [];
  /** Post-commit work, chained so batches are acked and evaluated in the order they were cut. */
  private after: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly config: IotTelemetryConfig,
    private readonly writer: ReadingWriter,
    private readonly presence: DevicePresence,
    private readonly evaluator: ThresholdEvaluator,
    private readonly nats: NatsConnectionService,
  ) {
    this.timer = setInterval(() => {
      if (this.pending.length > 0 && Date.now() - this.firstAt >= this.config.INGEST_FLUSH_MS) void this.flush();
    }, Math.max(2, Math.floor(this.config.INGEST_FLUSH_MS / 5)));
    this.timer.unref();
  }

  /** Resolves when the reading is queued; waits (backpressure on the consumer) while the writes in flight are at the limit. */
  async add(message: JsMsg, rows: ReadingRow[]): Promise<void> {
    if (this.pending.length === 0) this.firstAt = Date.now();
    this.pending.push({ message, rows });
    this.pendingRows += rows.length;
    if (this.pendingRows >= this.config.INGEST_BATCH_SIZE) await this.flush();
  }

  private async flush(): Promise<void> {
    while (this.writes.length >= MAX_WRITES_IN_FLIGHT) await Promise.race(this.writes);
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.pendingRows = 0;
    const rows = batch.length === 1 ? batch[0].rows : batch.flatMap((p) => p.rows);
    const written = this.write(rows);
    const tracked = written.then(
      () => undefined,
      () => undefined,
    );
    this.writes.push(tracked);
    void tracked.then(() => this.writes.splice(this.writes.indexOf(tracked), 1));
    this.after = this.after.then(() =>
      written.then(
        (inserted) => this.committed(batch, rows, inserted),
        (error) => {
          this.logger.warn({ err: error, readings: rows.length }, 'batch not written; redelivering');
          for (const p of batch) p.message.nak(1000);
        },
      ),
    );
  }

  private async write(rows: ReadingRow[]): Promise<number> {
    const end = batchSeconds.startTimer();
    try {
      return await this.writer.insert(rows);
    } finally {
      end();
    }
  }

  private async committed(batch: Pending[], rows: ReadingRow[], inserted: number): Promise<void> {
    for (const p of batch) p.message.ack();
    readingsStored.inc(inserted);
    readingsDuplicate.inc(rows.length - inserted);
    const byDevice = new Map<string, ReadingRow[]>();
    for (const row of rows) {
      const list = byDevice.get(row.deviceId);
      if (list) list.push(row);
      else byDevice.set(row.deviceId, [row]);
    }
    const nc = await this.nats.get();
    for (const [deviceId, list] of byDevice) {
      let last = list[0].timestamp;
      for (const r of list) if (r.timestamp > last) last = r.timestamp;
      this.presence.seen(deviceId, last);
      const live: LiveReadings = { deviceId, readings: list.map(toStored) };
      nc.publish(DeviceBridge.live(deviceId), JSON.stringify(live));
    }
    this.evaluator.evaluate(byDevice);
  }

  /** On shutdown: write what is waiting and let the acks go out. */
  async drain(): Promise<void> {
    await this.flush();
    await Promise.all(this.writes);
    await this.after;
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}

const toStored = (r: ReadingRow): StoredReading => ({ sensorId: r.sensorId, type: r.type, value: r.value, unit: r.unit, quality: r.quality, timestamp: r.timestamp.toISOString() });
