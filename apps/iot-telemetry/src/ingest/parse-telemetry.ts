import { v7 as uuidv7 } from 'uuid';
import { DeviceReading, MAX_READINGS_PER_MESSAGE, READING_QUALITY } from '@suite/contracts/iot-telemetry';
import { DirectoryDevice, DirectorySensor } from './device-directory';

/** A reading ready for sensor_data: calibrated, range-checked, timestamped. */
export interface ReadingRow {
  id: string;
  deviceId: string;
  sensorId: string;
  userId: string;
  type: string;
  value: number;
  unit: string;
  quality: string;
  timestamp: Date;
}

export interface RejectedReading {
  reading: unknown;
  reason: string;
}

export type ParsedTelemetry =
  | { ok: true; rows: ReadingRow[]; rejected: RejectedReading[] }
  /** The whole message is refused; `body` is what may be kept in the dead letter (never the token). */
  | { ok: false; reason: string; body: unknown };

/** Devices without an owner still need a user_id (the column is required): the nil UUID marks "nobody". */
const NO_OWNER = '00000000-0000-0000-0000-000000000000';
/** Clocks drift; a reading from further in the future than this is a device bug, not a reading. */
const MAX_FUTURE_MS = 5 * 60 * 1000;

/**
 * Turns one bridge message into rows. Pure, so every refusal path is unit-tested: the caller has already looked the
 * device up by the serial in the subject, and `receivedAt` (when JetStream stored the message) stands in for a missing
 * `ts`, so a redelivered message gets the same timestamp and the (sensor_id, timestamp) key drops the duplicate.
 */
export function parseTelemetry(
  data: Uint8Array,
  device: DirectoryDevice | null,
  receivedAt: number,
  tokenOk: (token: unknown, device: DirectoryDevice) => boolean,
): ParsedTelemetry {
  let message: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { ok: false, reason: 'payload must be a JSON object', body: parsed };
    message = parsed as Record<string, unknown>;
  } catch {
    // Kept for whoever investigates, minus anything that looks like the credential.
    const text = Buffer.from(data)
      .toString('utf8')
      .slice(0, 4096)
      .replace(/"token"\s*:\s*"[^"]*"?/g, '"token":"<redacted>"');
    return { ok: false, reason: 'payload is not JSON', body: text };
  }
  const { token, ...rest } = message;
  if (!device) return { ok: false, reason: 'unknown device', body: rest };
  if (!tokenOk(token, device)) return { ok: false, reason: token === undefined ? 'missing token' : 'bad credential', body: rest };

  const readings: unknown[] = Array.isArray(rest.readings) ? rest.readings : rest.readings === undefined && 'value' in rest ? [rest] : [];
  if (readings.length === 0) return { ok: false, reason: 'no readings: send { readings: [...] } or { sensor, value }', body: rest };
  if (readings.length > MAX_READINGS_PER_MESSAGE)
    return { ok: false, reason: `more than ${MAX_READINGS_PER_MESSAGE} readings in one message`, body: { count: readings.length } };

  const rows: ReadingRow[] = [];
  const rejected: RejectedReading[] = [];
  for (const reading of readings) {
    const outcome = toRow(reading, device, receivedAt);
    if (typeof outcome === 'string') rejected.push({ reading, reason: outcome });
    else rows.push(outcome);
  }
  return { ok: true, rows, rejected };
}

function toRow(reading: unknown, device: DirectoryDevice, receivedAt: number): ReadingRow | string {
  if (!reading || typeof reading !== 'object') return 'reading must be an object';
  const { sensor: key, value, ts } = reading as Partial<DeviceReading>;
  if (typeof key !== 'string') return "sensor must be the name or id of one of the device's sensors";
  const sensor = device.sensors.get(key);
  if (!sensor) return `unknown sensor '${key.slice(0, 64)}'`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'value must be a finite number';
  const timestamp = parseTimestamp(ts, receivedAt);
  if (typeof timestamp === 'string') return timestamp;
  const calibrated = calibrate(value, sensor);
  return {
    id: uuidv7({ msecs: timestamp }),
    deviceId: device.id,
    sensorId: sensor.id,
    userId: device.userId ?? NO_OWNER,
    type: sensor.type,
    value: calibrated,
    unit: sensor.unit,
    quality: inRange(calibrated, sensor) ? READING_QUALITY.Good : READING_QUALITY.OutOfRange,
    timestamp: new Date(timestamp),
  };
}

function parseTimestamp(ts: unknown, receivedAt: number): number | string {
  if (ts === undefined || ts === null) return receivedAt;
  const ms = typeof ts === 'number' ? ts : typeof ts === 'string' ? Date.parse(ts) : NaN;
  if (!Number.isFinite(ms) || ms < 0) return 'ts must be ISO-8601 or epoch milliseconds';
  if (ms > receivedAt + MAX_FUTURE_MS) return 'ts is in the future';
  return Math.trunc(ms);
}

export const calibrate = (raw: number, sensor: Pick<DirectorySensor, 'scale' | 'offset'>): number => raw * sensor.scale + sensor.offset;

/** Out-of-range readings are kept (marked), never dropped: a broken probe is worth seeing. */
export const inRange = (value: number, sensor: Pick<DirectorySensor, 'minValue' | 'maxValue'>): boolean =>
  (sensor.minValue === null || value >= sensor.minValue) && (sensor.maxValue === null || value <= sensor.maxValue);
