import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { InjectDb, OutboxRelay } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { DeviceDirectory } from '../ingest/device-directory';
import { markCommandsTimedOut, markSilentOffline } from './presence-sql';

/**
 * Every DEVICE_WATCHDOG_INTERVAL_SECONDS: silent ONLINE devices become OFFLINE (with a DeviceOffline event), and commands
 * nobody answered within their timeout become 'timeout'. Runs in every replica; the conditional updates with
 * SKIP LOCKED make sure each transition happens (and is announced) once.
 */
@Injectable()
export class DeviceWatchdogJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeviceWatchdog');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;

  constructor(@InjectDb() private readonly db: IotTelemetryDb, private readonly config: IotTelemetryConfig, private readonly outbox: OutboxRelay, private readonly directory: DeviceDirectory) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.pass ??= this.runOnce().finally(() => (this.pass = undefined));
    }, this.config.DEVICE_WATCHDOG_INTERVAL_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass; returns how many devices went OFFLINE and how many commands timed out. */
  async sweep(): Promise<{ offline: number; timedOut: number }> {
    const offline = await markSilentOffline(this.db);
    if (offline.length > 0) {
      this.outbox.kick();
      // Every replica's presence tracker re-checks these devices on their next message (and brings them back ONLINE).
      for (const d of offline) await this.directory.forget({ id: d.id, serialNumber: d.serial_number });
    }
    const timedOut = await markCommandsTimedOut(this.db);
    return { offline: offline.length, timedOut };
  }

  private async runOnce(): Promise<void> {
    try {
      const counts = await this.sweep();
      if (counts.offline + counts.timedOut > 0) this.logger.log(counts, 'silent devices OFFLINE, unanswered commands timed out');
    } catch (error) {
      this.logger.warn({ err: error }, 'device watchdog pass failed; retrying next interval');
    }
  }
}
