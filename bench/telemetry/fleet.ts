import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { DeviceBridge, DEVICE_CREDENTIAL_PREFIX, IotTelemetrySubjects } from '@suite/contracts/iot-telemetry';

export const SENSORS = ['temperature', 'humidity', 'co2', 'light', 'ph'] as const;
const UNITS = ['°C', '%', 'ppm', 'lux', 'pH'];
const RANGES: [number, number][] = [
  [0, 50],
  [0, 100],
  [0, 5000],
  [0, 2000],
  [0, 14],
];

export interface BenchDevice {
  index: number;
  id: string;
  serial: string;
  token: string;
  sensorIds: string[];
  /** Last reading time sent: one message per device per millisecond at most, as (sensor_id, timestamp) is unique. */
  lastTs: number;
}

/**
 * Devices and their sensors straight into the service's tables (the bench measures ingestion, not registration). The
 * credential is made up here and stored as the service stores it: the sha256 hex of the whole string.
 */
export async function provisionFleet(db: Client, count: number): Promise<BenchDevice[]> {
  const userId = randomUUID();
  const devices: BenchDevice[] = Array.from({ length: count }, (_, index) => {
    const prefix = randomBytes(6).toString('base64url');
    return {
      index,
      id: randomUUID(),
      serial: `BENCH-${String(index + 1).padStart(4, '0')}`,
      token: `${DEVICE_CREDENTIAL_PREFIX}${prefix}_${randomBytes(32).toString('base64url')}`,
      sensorIds: SENSORS.map(() => randomUUID()),
      lastTs: 0,
    };
  });
  await db.query(
    `INSERT INTO devices (id, name, type, serial_number, user_id, credential_hash, credential_prefix, updated_at)
     SELECT d.id, 'Bench chamber ' || d.serial, 'MUSHROOM_CHAMBER', d.serial, $5::uuid, d.hash, d.prefix, now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS d(id, serial, hash, prefix)`,
    [
      devices.map((d) => d.id),
      devices.map((d) => d.serial),
      devices.map((d) => sha256(d.token)),
      devices.map((d) => d.token.slice(3, 11)),
      userId,
    ],
  );
  const sensors = devices.flatMap((d) => d.sensorIds.map((id, s) => ({ id, deviceId: d.id, s })));
  await db.query(
    `INSERT INTO sensors (id, device_id, type, name, unit, min_value, max_value, updated_at)
     SELECT s.id, s.device_id, s.name, s.name, s.unit, s.lo, s.hi, now()
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::float8[], $6::float8[]) AS s(id, device_id, name, unit, lo, hi)`,
    [
      sensors.map((x) => x.id),
      sensors.map((x) => x.deviceId),
      sensors.map((x) => SENSORS[x.s]),
      sensors.map((x) => UNITS[x.s]),
      sensors.map((x) => RANGES[x.s][0]),
      sensors.map((x) => RANGES[x.s][1]),
    ],
  );
  return devices;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Rows were written behind the service's back: tell every replica to drop its caches (what the API does via forget()). */
export async function forgetAll(nc: NatsConnection): Promise<void> {
  nc.publish(IotTelemetrySubjects.DirectoryChanged, '{}');
  await nc.flush();
}

/** A normal chamber value for sensor s (never near a 28 °C threshold). */
export const normalValue = (s: number, ts: number) => [21 + (ts % 3000) / 1000, 88, 800, 700, 6.3][s];

/** The message a device sends: every sensor's reading at one time. */
export function message(device: BenchDevice, now: number, value: (s: number, ts: number) => number = normalValue): string {
  const ts = (device.lastTs = Math.max(now, device.lastTs + 1));
  return JSON.stringify({ token: device.token, readings: SENSORS.map((sensor, s) => ({ sensor, value: value(s, ts), ts })) });
}

export interface Offered {
  messages: number;
  readings: number;
  firstAt: number;
  lastAt: number;
}

/** How the bench's devices send: core NATS like a NATS device, or MQTT QoS 1 like an MQTT one. */
export interface Publisher {
  send(device: BenchDevice, payload: string): void;
  /** Resolves when everything sent has left (NATS) or been accepted by the broker (MQTT PUBACK). */
  flush(): Promise<void>;
}

export const natsPublisher = (nc: NatsConnection): Publisher => ({
  send: (device, payload) => nc.publish(DeviceBridge.telemetry(device.serial), payload),
  flush: () => nc.flush(),
});

export interface PaceOptions {
  readingsPerSecond: number;
  durationMs: number;
  /** Builds each message (default: normal values); lets the alert bench slip a crossing in. */
  build?: (device: BenchDevice, now: number) => string;
  /** Readings published so far, for the caller's backlog sampling. */
  progress?: { readings: number };
}

const SLICE_MS = 10;

/**
 * A fixed offered load: every 10 ms slice publishes what is due by the clock, round-robin over the fleet. The publisher
 * never waits for the consumer: what is not yet stored queues in JetStream (or at the MQTT broker).
 */
export async function publishPaced(publisher: Publisher, fleet: BenchDevice[], options: PaceOptions): Promise<Offered> {
  const perMs = options.readingsPerSecond / SENSORS.length / 1000;
  const build = options.build ?? ((d, now) => message(d, now));
  const firstAt = Date.now();
  let sent = 0;
  let next = 0;
  for (let now = firstAt; now - firstAt < options.durationMs; now = Date.now()) {
    const due = Math.floor((now - firstAt) * perMs);
    for (; sent < due; sent++) {
      const device = fleet[next];
      next = (next + 1) % fleet.length;
      publisher.send(device, build(device, now));
    }
    if (options.progress) options.progress.readings = sent * SENSORS.length;
    await sleep(Math.max(0, SLICE_MS - (Date.now() - now)));
  }
  await publisher.flush();
  return { messages: sent, readings: sent * SENSORS.length, firstAt, lastAt: Date.now() };
}
