import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { DeviceBridge } from '@suite/contracts/iot-telemetry';
import { BenchDevice, message, natsPublisher, normalValue, publishPaced } from './fleet';

/** The limit watched on the alert devices' temperature sensors; normal bench values stay 5 °C below it. */
export const ALERT_LIMIT = 28;
const CROSSING_VALUE = 35;
const CROSSING_EVERY_MS = 50;

/**
 * "temperature ABOVE 28, no duration, no hysteresis" on the temperature sensor of each of `devices`: inserted before any
 * reading flows, so the evaluator loads them with the device.
 */
export async function watchTemperature(db: Client, devices: BenchDevice[]): Promise<void> {
  await db.query(
    `INSERT INTO sensor_thresholds (id, sensor_id, device_id, name, operator, value, duration_seconds, hysteresis, severity, updated_at)
     SELECT gen_random_uuid(), s, d, 'bench: too hot', 'ABOVE', $3, 0, 0, 'WARNING', now() FROM unnest($1::uuid[], $2::uuid[]) AS t(s, d)`,
    [devices.map((d) => d.sensorIds[0]), devices.map((d) => d.id), ALERT_LIMIT],
  );
}

export interface AlertResult {
  crossings: number;
  alerts: number;
  resolved: number;
  /** created_at - triggered_at per alert (triggered_at is the breaching reading's ts = its publish time) */
  latenciesMs: number[];
}

/**
 * Reading-to-SensorAlert latency under load: the whole fleet at `readingsPerSecond` with normal values, and every 50 ms
 * one watched device's next message carries 35 °C (its message after that is normal again, which resolves the alert).
 * The reading's ts is its publish time, so the alert's triggered_at is the publish time and the latency is in SQL.
 */
export async function alertLatency(
  db: Client,
  nc: NatsConnection,
  fleet: BenchDevice[],
  watched: BenchDevice[],
  readingsPerSecond: number,
  durationMs: number,
): Promise<AlertResult> {
  await db.query('DELETE FROM sensor_alerts');
  const hot = new Set<number>();
  let crossings = 0;
  let nextWatched = 0;
  let lastCrossingAt = Date.now();
  const build = (device: BenchDevice, now: number) => {
    // Schedule a crossing every 50 ms, taken by that device's next message.
    if (now - lastCrossingAt >= CROSSING_EVERY_MS) {
      lastCrossingAt = now;
      hot.add(watched[nextWatched++ % watched.length].index);
    }
    if (!hot.delete(device.index)) return message(device, now);
    crossings++;
    return message(device, now, (s, ts) => (s === 0 ? CROSSING_VALUE : normalValue(s, ts)));
  };
  await publishPaced(natsPublisher(nc), fleet, { readingsPerSecond, durationMs, build });
  // A crossing scheduled but not yet sent when the load stopped is simply not counted; the last ones need a
  // following normal message to resolve, so one more round of normal readings from the watched devices.
  for (const device of watched) nc.publish(DeviceBridge.telemetry(device.serial), message(device, Date.now()));
  await nc.flush();

  const deadline = Date.now() + 15_000;
  let row: { alerts: number; resolved: number } = { alerts: 0, resolved: 0 };
  while (Date.now() < deadline) {
    row = (
      await db.query(
        `SELECT count(*)::int AS alerts, count(*) FILTER (WHERE is_resolved)::int AS resolved FROM sensor_alerts WHERE threshold_id IS NOT NULL`,
      )
    ).rows[0];
    if (row.alerts >= crossings && row.resolved >= crossings) break;
    await sleep(100);
  }
  const latencies = await db.query(
    `SELECT extract(epoch FROM created_at - triggered_at) * 1000 AS ms FROM sensor_alerts WHERE threshold_id IS NOT NULL`,
  );
  return { crossings, alerts: row.alerts, resolved: row.resolved, latenciesMs: latencies.rows.map((r) => Number(r.ms)) };
}
