import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import { DeviceBridge } from '@suite/contracts/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { InjectDb, JetStreamService } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { deadLetterStream, telemetryStream } from '../bridge/streams';
import { DeadLetters } from '../ingest/dead-letter';
import { DeviceDirectory } from '../ingest/device-directory';
import { DevicePresence } from '../presence/device-presence';
import { DeviceHealthService } from './device-health.service';
import { parseHealth, withoutToken } from './parse-health';

const DURABLE = 'iot-telemetry-health';

/**
 * Heartbeats and health reports from the IOT_TELEMETRY stream (NATS iot.dev.<serial>.health, and MQTT mash/<serial>/health
 * forwarded there by the bridge). A heartbeat only marks the device seen; a report with metrics or a status also stores a
 * DeviceHealth row (idempotent per stream message). Unknown devices, bad tokens and unreadable messages go to the
 * dead-letter subject and are acked: one bad message never stops the consumer.
 */
@Injectable()
export class HealthConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger('HealthConsumer');

  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly config: IotTelemetryConfig,
    private readonly js: JetStreamService,
    private readonly directory: DeviceDirectory,
    private readonly presence: DevicePresence,
    private readonly health: DeviceHealthService,
    private readonly deadLetters: DeadLetters,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.js.ensureStream(deadLetterStream);
    await this.js.consume({
      stream: telemetryStream(this.config.TELEMETRY_STREAM_RETENTION_HOURS),
      durable: DURABLE,
      filterSubject: DeviceBridge.healthWildcard,
      // Failures here are the database or NATS being away, never the message (those are dead-lettered): keep retrying.
      maxDeliver: -1,
      retryDelayMs: 2000,
      handler: (message) => this.handle(message),
    });
  }

  async handle(message: JsMsg): Promise<void> {
    const serial = message.subject.split('.')[2] ?? '';
    const sequence = message.info.streamSequence;
    const refuse = (reason: string, body: unknown) => this.deadLetters.send(message.subject, reason, body, `dl-${sequence}`);
    const parsed = parseHealth(message.data, message.time);
    if (!parsed.ok) return refuse(parsed.reason, parsed.body);
    const report = parsed.value;
    const device = await this.directory.lookup(serial);
    if (!device) return refuse('unknown device', withoutToken(report));
    if (!this.directory.credentialOk(report.token, device))
      return refuse('bad credential', { firmware: report.firmware, metrics: report.metrics });
    this.presence.seen(device.id, report.at);
    await this.health.storeReport(device.id, report, `${DeviceBridge.stream}:${sequence}:${device.id}`);
    if (report.firmware !== undefined || report.ipAddress !== undefined)
      await this.updateIdentity(device.id, device.serialNumber, report.firmware, report.ipAddress);
  }

  /** Only when something differs, so steady heartbeats do not rewrite the row. */
  private async updateIdentity(id: string, serialNumber: string, firmware?: string, ipAddress?: string): Promise<void> {
    const changed = await this.db.$executeRawUnsafe(
      `UPDATE devices SET firmware = coalesce($2, firmware), ip_address = coalesce($3, ip_address), updated_at = now()
       WHERE id = $1::uuid AND (($2::text IS NOT NULL AND firmware IS DISTINCT FROM $2::text) OR ($3::text IS NOT NULL AND ip_address IS DISTINCT FROM $3::text))`,
      id,
      firmware ?? null,
      ipAddress ?? null,
    );
    if (changed > 0) {
      this.logger.log({ deviceId: id, firmware, ipAddress }, 'device firmware or address changed');
      await this.directory.forget({ id, serialNumber });
    }
  }
}
