/**
 * What devices send on the bridge (NATS `iot.dev.<serial>.telemetry` or MQTT `mash/<serial>/telemetry`), as JSON:
 *
 *   { "token": "dk_...", "readings": [ { "sensor": "temp-1", "value": 24.6, "ts": "2026-11-22T05:00:00.000Z" }, ... ] }
 *   { "token": "dk_...", "sensor": "temp-1", "value": 24.6 }                       (one reading)
 *
 * `token` is the device credential shown once at registration. `sensor` is the sensor's name on that device or its id.
 * `ts` (ISO-8601 or epoch milliseconds) defaults to when the broker stored the message, so a redelivery keeps its time.
 * One reading per sensor and timestamp is kept: sending the same reading twice stores it once.
 */
export interface DeviceReading {
  sensor: string;
  value: number;
  ts?: string | number;
}

export interface TelemetryMessage extends Partial<DeviceReading> {
  token: string;
  readings?: DeviceReading[];
}

/** At most this many readings in one message; more goes to the dead-letter subject as too large. */
export const MAX_READINGS_PER_MESSAGE = 1000;

export const DEVICE_HEALTH_STATUSES = ['HEALTHY', 'WARNING', 'CRITICAL', 'OFFLINE', 'MAINTENANCE'] as const;
export type DeviceHealthStatusName = (typeof DEVICE_HEALTH_STATUSES)[number];

/** A heartbeat (`{ "token": "dk_..." }`) or a health report with any of the metrics. */
export interface HealthMessage {
  token: string;
  status?: DeviceHealthStatusName;
  cpuUsage?: number;
  memoryUsage?: number;
  diskUsage?: number;
  temperature?: number;
  batteryLevel?: number;
  networkLatency?: number;
  uptime?: number;
  errorCount?: number;
  firmware?: string;
  ipAddress?: string;
  metadata?: Record<string, unknown>;
  ts?: string | number;
}

/** Sent to a device: NATS request on iot.dev.<serial>.commands, or MQTT publish on mash/<serial>/commands. */
export interface CommandMessage {
  commandId: string;
  command: string;
  parameters?: Record<string, unknown> | null;
}

/** The device's answer: the NATS reply, or (with its token and the command id) an MQTT message on mash/<serial>/commands/ack. */
export interface CommandReply {
  status: 'acknowledged' | 'failed';
  response?: unknown;
}

export interface CommandAck extends CommandReply {
  token: string;
  commandId: string;
}

/** Quality of a stored reading. */
export const READING_QUALITY = { Good: 'GOOD', OutOfRange: 'OUT_OF_RANGE' } as const;

/** Device credentials look like dk_<8-char prefix>_<secret>; only a sha256 of the whole string is stored. */
export const DEVICE_CREDENTIAL_PREFIX = 'dk_';

/** A stored reading as the live stream (DeviceBridge.live, the gateway's SSE) and the readings API show it. */
export interface StoredReading {
  sensorId: string | null;
  type: string;
  value: number;
  unit: string;
  quality: string | null;
  timestamp: string;
}

/** Published on DeviceBridge.live(deviceId) after each stored batch. */
export interface LiveReadings {
  deviceId: string;
  readings: StoredReading[];
}
