import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { nanos } from '@nats-io/nats-core';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg } from '@nats-io/jetstream';
import { DeviceBridge } from '@suite/contracts/iot-telemetry';
import { JetStreamService, registerLagSource } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { telemetryStream } from '../bridge/streams';
import { DeadLetters } from './dead-letter';
import { DeviceDirectory } from './device-directory';
import { parseTelemetry } from './parse-telemetry';
import { ThresholdEvaluator } from '../thresholds/threshold-evaluator';
import { BatchPipeline } from './batch-pipeline';

const DURABLE = 'iot-telemetry-ingest';

/**
 * Reads the IOT_TELEMETRY stream with one durable consumer (shared by every replica) and hands each message's readings
 * to the threshold evaluator as it arrives, then to the batch pipeline: an alert waits neither for the batch window nor
 * for the insert. A message is acked only once its readings are committed (or it was dead-lettered), so a crash or a
 * database outage means redelivery, never loss; max_deliver is unlimited for the same reason.
 */
@Injectable()
export class TelemetryConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TelemetryConsumer');
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private unregisterLag?: () => void;

  constructor(
    private readonly config: IotTelemetryConfig,
    private readonly js: JetStreamService,
    private readonly directory: DeviceDirectory,
    private readonly deadLetters: DeadLetters,
    private readonly pipeline: BatchPipeline,
    private readonly evaluator: ThresholdEvaluator,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stream = telemetryStream(this.config.TELEMETRY_STREAM_RETENTION_HOURS);
    await this.js.ensureStream(stream);
    const jsm = await this.js.manager();
    const consumerConfig = {
      durable_name: DURABLE,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: DeviceBridge.telemetryWildcard,
      max_deliver: -1,
      ack_wait: nanos(30_000),
      max_ack_pending: 50_000,
    };
    try {
      await jsm.consumers.add(stream.name, consumerConfig);
    } catch {
      await jsm.consumers.update(stream.name, DURABLE, consumerConfig);
    }
    const consumer = await (await this.js.client()).consumers.get(stream.name, DURABLE);
    // Ingest lag on suite_event_consumer_pending{consumer="iot-telemetry-ingest"}: what the "falling behind" alert reads.
    this.unregisterLag = registerLagSource(async () => {
      const info = await jsm.consumers.info(stream.name, DURABLE);
      return { consumer: DURABLE, stream: stream.name, pending: info.num_pending + info.num_ack_pending };
    });
    this.messages = await consumer.consume({ max_messages: 4000 });
    this.loop = this.run(this.messages);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      try {
        await this.accept(message);
      } catch (error) {
        // The directory or dead-letter stream is unreachable: leave the message for later, keep going.
        this.logger.warn({ err: error, subject: message.subject }, 'telemetry message not handled; redelivering');
        message.nak(1000);
      }
    }
  }

  private async accept(message: JsMsg): Promise<void> {
    const serial = message.subject.split('.')[2] ?? '';
    const device = await this.directory.lookup(serial);
    const receivedAt = Math.floor(message.info.timestampNanos / 1_000_000);
    const parsed = parseTelemetry(message.data, device, receivedAt, this.directory.credentialOk);
    const dedupe = `dl-${message.info.streamSequence}`;
    if (!parsed.ok) {
      await this.deadLetters.send(message.subject, parsed.reason, parsed.body, dedupe);
      message.ack();
      return;
    }
    if (parsed.rejected.length > 0) {
      await this.deadLetters.send(
        message.subject,
        `${parsed.rejected.length} reading(s) refused: ${parsed.rejected[0].reason}`,
        { rejected: parsed.rejected },
        dedupe,
      );
    }
    if (parsed.rows.length === 0) {
      message.ack();
      return;
    }
    this.evaluator.evaluate(parsed.rows[0].deviceId, parsed.rows);
    await this.pipeline.add(message, parsed.rows);
  }

  async onApplicationShutdown(): Promise<void> {
    this.unregisterLag?.();
    await this.messages?.close().catch(() => undefined);
    await this.loop?.catch(() => undefined);
    await this.pipeline.drain();
    await this.evaluator.settled();
  }
}
