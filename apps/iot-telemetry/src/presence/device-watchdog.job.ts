import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { InjectDb, OutboxRelay, PeriodicJobs } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { DeviceDirectory } from '../ingest/device-directory';
import { markCommandsTimedOut, markSilentOffline } from './presence-sql';

/**
 * Every DEVICE_WATCHDOG_INTERVAL_SECONDS: silent ONLINE devices become OFFLINE (with a DeviceOffline event), and commands
 * nobody answered within their timeout become 'timeout'. Runs in every replica; the conditional updates with
 * SKIP LOCKED make sure each transition happens (and is announced) once.
 */
@Injectable()
export class DeviceWatchdogJob implements OnApplicationBootstrap {
  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly config: IotTelemetryConfig,
    private readonly outbox: OutboxRelay,
    private readonly directory: DeviceDirectory,
    private readonly jobs: PeriodicJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({
      name: 'device-watchdog',
      intervalMs: this.config.DEVICE_WATCHDOG_INTERVAL_SECONDS * 1000,
      run: async () => {
        const { offline, timedOut } = await this.sweep();
        return offline + timedOut;
      },
    });
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
}
