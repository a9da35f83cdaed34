import { createHash } from 'node:crypto';
import { LalamoveDriver, LalamovePod, LalamoveStop } from './lalamove-api';
import { parseKeepingIds } from './lalamove-signature';

/** What we read from a verified Lalamove webhook body (`{ apiKey, timestamp, signature, eventId, eventType, data }`). */
export interface LalamoveEvent {
  eventId: string;
  eventType: string;
  orderId: string | null;
  status: string | null;
  driverId: string | null;
  driver: LalamoveDriver | null;
  pod: LalamovePod | null;
  /** When it happened at Lalamove: data.updatedAt, else the body's timestamp. */
  at: Date;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** The proof of the last drop-off that has one (stop 0 is the pickup). */
export function lastPod(stops: LalamoveStop[] | undefined): LalamovePod | null {
  const pods = (stops ?? []).slice(1).flatMap((s) => (s?.POD && typeof s.POD === 'object' ? [s.POD] : []));
  return pods.at(-1) ?? null;
}

function timeOf(updatedAt: unknown, timestamp: unknown): Date {
  const fromData = typeof updatedAt === 'string' ? new Date(updatedAt) : null;
  if (fromData && !Number.isNaN(fromData.getTime())) return fromData;
  const n = Number(timestamp);
  if (Number.isFinite(n) && n > 0) return new Date(n < 1e12 ? n * 1000 : n);
  return new Date();
}

/** Reads a body whose signature was already checked; ids keep every digit. */
export function readLalamoveEvent(rawBody: string): LalamoveEvent {
  const body = parseKeepingIds(rawBody) as Record<string, any>;
  const data = (body.data ?? {}) as Record<string, any>;
  const order = (data.order ?? {}) as Record<string, any>;
  const driver = data.driver && typeof data.driver === 'object' ? (data.driver as LalamoveDriver) : null;
  const eventType = str(body.eventType) ?? 'UNKNOWN';
  const orderId = str(order.orderId);
  const status = str(order.status);
  // Lalamove sends an eventId; without one the event is keyed on what it says, so its retries repeat the key
  const eventId =
    str(body.eventId) ??
    createHash('sha256')
      .update(`${eventType}|${orderId}|${status}|${driver?.driverId ?? ''}|${body.timestamp}`)
      .digest('hex');
  return {
    eventId,
    eventType,
    orderId,
    status,
    driverId: str(driver?.driverId) ?? str(order.driverId),
    driver: driver ? { ...driver, driverId: String(driver.driverId) } : null,
    pod: lastPod(order.stops),
    at: timeOf(data.updatedAt, body.timestamp),
  };
}
