import { DEVICE_HEALTH_STATUSES, DeviceHealthStatusName, HealthMessage } from '@suite/contracts/iot-telemetry';

/** What a health message asks to store, checked. `metrics` is null for a bare heartbeat. */
export interface ParsedHealth {
  token: unknown;
  at: Date;
  metrics: {
    status?: DeviceHealthStatusName;
    cpuUsage?: number;
    memoryUsage?: number;
    diskUsage?: number;
    temperature?: number;
    batteryLevel?: number;
    networkLatency?: number;
    uptime?: number;
    errorCount?: number;
    metadata?: Record<string, unknown>;
  } | null;
  firmware?: string;
  ipAddress?: string;
}

const NUMBERS = ['cpuUsage', 'memoryUsage', 'diskUsage', 'temperature', 'batteryLevel'] as const;
const INTEGERS = ['networkLatency', 'uptime', 'errorCount'] as const;
/** The ts a device may claim: not before 2000, not more than a day ahead (a broken clock would corrupt lastSeen). */
const MIN_TS = Date.UTC(2000, 0, 1);
const MAX_AHEAD_MS = 24 * 3600 * 1000;

/** The message without its token, for the dead-letter stream and logs. */
export function withoutToken(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { token: _token, ...rest } = body as Record<string, unknown>;
  return rest;
}

/**
 * Reads a HealthMessage. `receivedAt` (when the stream stored it) is the default time, so a redelivery keeps its time.
 * Returns the reason when the message cannot be used (it then goes to the dead-letter subject).
 */
export function parseHealth(
  data: Uint8Array,
  receivedAt: Date,
): { ok: true; value: ParsedHealth } | { ok: false; reason: string; body: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed JSON', body: Buffer.from(data).toString('utf8').slice(0, 2000) };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'not a JSON object', body };
  const m = body as HealthMessage & Record<string, unknown>;
  const refuse = (field: string, why: string) => ({
    ok: false as const,
    reason: `invalid field: ${field} ${why}`,
    body: withoutToken(body),
  });
  const metrics: NonNullable<ParsedHealth['metrics']> = {};
  for (const f of NUMBERS) {
    if (m[f] === undefined || m[f] === null) continue;
    if (typeof m[f] !== 'number' || !Number.isFinite(m[f])) return refuse(f, 'must be a number');
    metrics[f] = m[f];
  }
  for (const f of INTEGERS) {
    if (m[f] === undefined || m[f] === null) continue;
    if (!Number.isInteger(m[f]) || (m[f] as number) < 0 || (m[f] as number) > 2_000_000_000)
      return refuse(f, 'must be a non-negative integer');
    metrics[f] = m[f];
  }
  if (m.status !== undefined) {
    if (!DEVICE_HEALTH_STATUSES.includes(m.status)) return refuse('status', `must be one of ${DEVICE_HEALTH_STATUSES.join(', ')}`);
    metrics.status = m.status;
  }
  if (m.metadata !== undefined) {
    if (!m.metadata || typeof m.metadata !== 'object' || Array.isArray(m.metadata)) return refuse('metadata', 'must be an object');
    metrics.metadata = m.metadata;
  }
  for (const f of ['firmware', 'ipAddress'] as const) {
    if (m[f] !== undefined && (typeof m[f] !== 'string' || m[f].length > 100))
      return refuse(f, 'must be a string of at most 100 characters');
  }
  let at = receivedAt;
  if (m.ts !== undefined) {
    at = new Date(typeof m.ts === 'number' ? m.ts : String(m.ts));
    if (Number.isNaN(at.getTime()) || at.getTime() < MIN_TS || at.getTime() > Date.now() + MAX_AHEAD_MS)
      return refuse('ts', 'must be an ISO 8601 time or epoch milliseconds');
  }
  return {
    ok: true,
    value: { token: m.token, at, metrics: Object.keys(metrics).length > 0 ? metrics : null, firmware: m.firmware, ipAddress: m.ipAddress },
  };
}
