import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IotTelemetrySubjects } from '@suite/contracts/iot-telemetry';
import { InjectDb, NatsConnectionService } from '@suite/platform';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { credentialMatches } from '../devices/credential';

export interface DirectorySensor {
  id: string;
  name: string;
  type: string;
  unit: string;
  minValue: number | null;
  maxValue: number | null;
  /** calibration: stored = raw * scale + offset */
  scale: number;
  offset: number;
}

export interface DirectoryDevice {
  id: string;
  serialNumber: string;
  userId: string | null;
  credentialHash: string;
  /** Active sensors by name and by id. */
  sensors: Map<string, DirectorySensor>;
}

const TTL_MS = 30_000;

/**
 * What the bridge needs to know about a device, by serial, cached: ingestion looks a device up per message, thousands of
 * times a second. Any change to a device, its sensors or its credential calls forget(), which also tells every other
 * replica (IotTelemetrySubjects.DirectoryChanged), so a rotated credential stops working at once, not after the TTL.
 */
@Injectable()
export class DeviceDirectory implements OnApplicationBootstrap {
  private readonly logger = new Logger('DeviceDirectory');
  private readonly cache = new Map<string, { at: number; device: Promise<DirectoryDevice | null> }>();
  /** The last token that matched, per directory entry: hashing once per device, not once per message. */
  private readonly accepted = new WeakMap<DirectoryDevice, string>();
  /** Others that cache per device (the threshold evaluator) hear about changes here. */
  private readonly listeners: ((deviceId?: string) => void)[] = [];

  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly nats: NatsConnectionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const nc = await this.nats.get();
    const sub = nc.subscribe(IotTelemetrySubjects.DirectoryChanged);
    void (async () => {
      for await (const message of sub) {
        let change: { serial?: string; deviceId?: string } = {};
        try {
          change = message.json();
        } catch {
          // unreadable: drop everything, which is always safe
        }
        this.drop(change.serial, change.deviceId);
      }
    })();
  }

  lookup(serial: string): Promise<DirectoryDevice | null> {
    const hit = this.cache.get(serial);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.device;
    const device = this.load(serial);
    this.cache.set(serial, { at: Date.now(), device });
    device.catch(() => this.cache.delete(serial));
    return device;
  }

  /** Whether a message's token is the device's credential (a reloaded entry, e.g. after a rotation, checks afresh). */
  readonly credentialOk = (token: unknown, device: DirectoryDevice): boolean => {
    if (typeof token === 'string' && this.accepted.get(device) === token) return true;
    const ok = credentialMatches(token, device.credentialHash);
    if (ok) this.accepted.set(device, token as string);
    return ok;
  };

  /** Call after any change to a device, its sensors, its credential or its thresholds: every replica reloads it. */
  async forget(device: { id: string; serialNumber: string }): Promise<void> {
    this.drop(device.serialNumber, device.id);
    const nc = await this.nats.get();
    nc.publish(IotTelemetrySubjects.DirectoryChanged, JSON.stringify({ serial: device.serialNumber, deviceId: device.id }));
  }

  onChange(listener: (deviceId?: string) => void): void {
    this.listeners.push(listener);
  }

  private drop(serial?: string, deviceId?: string): void {
    if (serial) this.cache.delete(serial);
    else this.cache.clear();
    for (const listener of this.listeners) listener(deviceId);
  }

  private async load(serial: string): Promise<DirectoryDevice | null> {
    const device = await this.db.device.findUnique({
      where: { serialNumber: serial },
      include: { sensors: { where: { isActive: true } } },
    });
    if (!device || !device.isActive) return null;
    const sensors = new Map<string, DirectorySensor>();
    for (const s of device.sensors) {
      const calibration = (s.calibration ?? {}) as { scale?: unknown; offset?: unknown };
      const sensor: DirectorySensor = {
        id: s.id,
        name: s.name,
        type: s.type,
        unit: s.unit,
        minValue: s.minValue,
        maxValue: s.maxValue,
        scale: typeof calibration.scale === 'number' ? calibration.scale : 1,
        offset: typeof calibration.offset === 'number' ? calibration.offset : 0,
      };
      sensors.set(s.name, sensor);
      sensors.set(s.id, sensor);
    }
    this.logger.debug({ serial, sensors: device.sensors.length }, 'device loaded');
    return { id: device.id, serialNumber: device.serialNumber, userId: device.userId, credentialHash: device.credentialHash, sensors };
  }
}
