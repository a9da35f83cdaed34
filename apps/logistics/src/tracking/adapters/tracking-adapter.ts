import { unavailable } from '@suite/platform';
import { ShipmentExceptionSeverityName, ShipmentExceptionTypeName, ShipmentStatusName } from '@suite/contracts/logistics';

export type TrackingProviderKind = 'AFTERSHIP' | 'EASYPOST';

/** One carrier checkpoint in our terms, its raw carrier words kept beside the mapped status. */
export interface Checkpoint {
  /** the provider's own id of this checkpoint, when it has one */
  providerEventId?: string | null;
  status: ShipmentStatusName | null;
  carrierStatus: string;
  carrierSubstatus?: string | null;
  message?: string | null;
  location: string;
  /** normalised to UTC */
  occurredAt: Date;
  /** the carrier reported a problem here (AfterShip Exception / AttemptFail, EasyPost failure ...) */
  exception?: { type: ShipmentExceptionTypeName; severity: ShipmentExceptionSeverityName } | null;
  /** who signed for a delivery, when the carrier says */
  signedBy?: string | null;
}

/** What a provider tells about one tracker, from a webhook or a poll. */
export interface TrackerUpdate {
  provider: TrackingProviderKind;
  trackingNumber: string;
  carrier?: string | null;
  trackerId?: string | null;
  estimatedDeliveryAt?: Date | null;
  /** at least one: when the provider lists no checkpoint, its current status is one */
  checkpoints: Checkpoint[];
}

export interface WebhookDelivery {
  /** the provider's id of this delivery (a redelivery has the same one) */
  eventId: string;
  /** null when the event is not about tracking (another event type): acknowledged, nothing stored */
  update: TrackerUpdate | null;
}

export interface TrackerRef {
  trackingNumber: string;
  carrier: string | null;
  trackerId: string | null;
}

/**
 * A tracking provider behind one interface: it verifies and reads its webhooks and answers polls
 * for quiet shipments. verify throws LOGISTICS.WEBHOOK_SIGNATURE_INVALID (401) before anything is read.
 */
export interface TrackingAdapter {
  readonly provider: TrackingProviderKind;
  verify(rawBody: string, headers: Record<string, string | undefined>): void;
  readWebhook(rawBody: string): WebhookDelivery | null;
  /** The tracker's current state, or null when the provider does not know it. */
  poll(ref: TrackerRef): Promise<TrackerUpdate | null>;
}

export const TRACKING_ADAPTERS = Symbol('TRACKING_ADAPTERS');

/** A timestamp the provider sent (with its own offset, or none meaning UTC) as a UTC Date; null when unreadable. */
export function utc(value: unknown): Date | null {
  if (typeof value !== 'string' || !value) return null;
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(value);
  const date = new Date(hasZone ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The parts of a location that are present, joined: "Manila, Metro Manila, PHL". */
export const locationOf = (...parts: unknown[]) =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .map((p) => p.trim())
    .join(', ');

/** Exception type from the carrier's own words, for carriers that only describe the problem. */
export function exceptionTypeFrom(text: string): ShipmentExceptionTypeName {
  const t = text.toLowerCase();
  if (/address/.test(t)) return 'ADDRESS_PROBLEM';
  if (/damage/.test(t)) return 'DAMAGE';
  if (/customs|clearance|duty/.test(t)) return 'CUSTOMS';
  if (/lost|missing/.test(t)) return 'LOST';
  if (/delay|late|weather/.test(t)) return 'DELAY';
  if (/attempt/.test(t)) return 'FAILED_ATTEMPT';
  return 'OTHER';
}

export const SEVERITY_OF: Record<ShipmentExceptionTypeName, ShipmentExceptionSeverityName> = {
  ADDRESS_PROBLEM: 'HIGH',
  DELAY: 'LOW',
  DAMAGE: 'HIGH',
  LOST: 'CRITICAL',
  CUSTOMS: 'MEDIUM',
  FAILED_ATTEMPT: 'MEDIUM',
  OTHER: 'MEDIUM',
};

/** A webhook body as JSON, or null when it is not JSON (the delivery is then refused as unreadable). */
export function parseJson(rawBody: string): any {
  try {
    return JSON.parse(rawBody);
  } catch {
    return null;
  }
}

/**
 * The checkpoints a provider listed, read one by one (unreadable ones skipped); when none is readable, the tracker's
 * current state read the same way stands for one. Empty when the provider told nothing usable.
 */
export function checkpointsFrom<T>(listed: unknown, read: (raw: T) => Checkpoint | null, current: T): Checkpoint[] {
  const checkpoints = (Array.isArray(listed) ? (listed as T[]) : []).map(read).filter((c): c is Checkpoint => c !== null);
  if (checkpoints.length > 0) return checkpoints;
  const now = read(current);
  return now ? [now] : [];
}

/** A provider API's answer to a poll: its JSON body, null when the tracker is unknown there (404), a 503 otherwise. */
export async function pollAnswer(response: Response, provider: string): Promise<any> {
  if (response.status === 404) return null;
  if (!response.ok) throw unavailable('LOGISTICS.TRACKING_PROVIDER_UNAVAILABLE', `${provider} answered ${response.status}.`);
  return response.json();
}
