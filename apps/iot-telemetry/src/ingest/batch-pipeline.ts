import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { JsMsg } from '@nats-io/jetstream';
import { DeviceBridge, LiveReadings, StoredReading } from '@suite/contracts/iot-telemetry';
import { NatsConnectionService } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { DevicePresence } from '../presence/device-presence';
import { batchSeconds, readingsDuplicate, readingsStored } from './ingest-metrics';
import { ReadingRow } from './parse-telemetry';
import { ReadingWriter } from './reading-writer';

/** Two inserts in flight: one is being written while the next fills, without letting a slow database pile up batches. */
const MAX_WRITES_IN_FLIGHT = 2;
/**
 * Readings accepted but not yet written, in batches, before the consumer is made to wait: a few batches' worth, so a
 * write stall (a checkpoint, autovacuum) of a second or so does not hold up the consumer, and with it the threshold
 * evaluation of the messages behind it.
 */
const BUFFERED_BATCHES = 8;

interface Pending {
  message: JsMsg;
  rows: ReadingRow[];
}

/**
 * Collects readings and writes them in batches: when INGEST_BATCH_SIZE readings wait, or INGEST_FLUSH_MS after the first
 * one arrived, whichever comes first. After a batch commits, in the order batches were cut: ack its messages, update
 * presence, publish it live (SSE). A failed write naks the batch's messages for redelivery. (Thresholds do not wait for
 * this: the consumer hands each message to the evaluator as it arrives.)
 */
@Injectable()
export class BatchPipeline implements OnModuleDestroy {
  private readonly logger = new Logger('BatchPipeline');
  private pending: Pending[] = [];
  private pendingRows = 0;
  private firstAt = 0;
  /** Cut batches waiting for a write slot. */
  private readonly queue: Pending[][] = [];
  private writesInFlight = 0;
  /** Rows accepted and not yet written (pending, queued, being written). */
  private bufferedRows = 0;
  /** add() calls waiting for the buffer to go below its limit, and drain() waiting for it to empty. */
  private readonly waiting: (() => void)[] = [];
  /** Post-commit work, chained so batches are acked in the order they were cut. */
  private after: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly config: IotTelemetryConfig,
    private readonly writer: ReadingWriter,
    private readonly presence: DevicePresence,
    private readonly nats: NatsConnectionService,
  ) {
    this.timer = setInterval(
      () => {
        if (this.pending.length > 0 && Date.now() - this.firstAt >= this.config.INGEST_FLUSH_MS) this.cut();
      },
      Math.max(2, Math.floor(this.config.INGEST_FLUSH_MS / 5)),
    );
    this.timer.unref();
  }

  /** Resolves when the reading is queued; waits (backpressure on the consumer) while the buffer is full. */
  async add(message: JsMsg, rows: ReadingRow[]): Promise<void> {
    if (this.pending.length === 0) this.firstAt = Date.now();
    this.pending.push({ message, rows });
    this.pendingRows += rows.length;
    this.bufferedRows += rows.length;
    if (this.pendingRows >= this.config.INGEST_BATCH_SIZE) this.cut();
    while (this.bufferedRows >= this.config.INGEST_BATCH_SIZE * BUFFERED_BATCHES)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private cut(): void {
    if (this.pending.length === 0) return;
    this.queue.push(this.pending);
    this.pending = [];
    this.pendingRows = 0;
    this.pump();
  }

  private pump(): void {
    while (this.writesInFlight < MAX_WRITES_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.shift() as Pending[];
      const rows = batch.length === 1 ? batch[0].rows : batch.flatMap((p) => p.rows);
      this.writesInFlight++;
      const written = this.write(rows);
      this.after = this.after.then(() =>
        written.then(
          (inserted) => this.committed(batch, rows, inserted),
          (error) => {
            this.logger.warn({ err: error, readings: rows.length }, 'batch not written; redelivering');
            for (const p of batch) p.message.nak(1000);
          },
        ),
      );
      void written
        .catch(() => undefined)
        .then(() => {
          this.writesInFlight--;
          this.bufferedRows -= rows.length;
          for (const wake of this.waiting.splice(0)) wake();
          this.pump();
        });
    }
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
  }

  /** On shutdown: write what is waiting and let the acks go out. */
  async drain(): Promise<void> {
    this.cut();
    while (this.bufferedRows > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    await this.after;
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}

const toStored = (r: ReadingRow): StoredReading => ({
  sensorId: r.sensorId,
  type: r.type,
  value: r.value,
  unit: r.unit,
  quality: r.quality,
  timestamp: r.timestamp.toISOString(),
});
