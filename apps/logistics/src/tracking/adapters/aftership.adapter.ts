import { Injectable } from '@nestjs/common';
import { ShipmentStatusName } from '@suite/contracts/logistics';
import { LogisticsConfig } from '../../config';
import { AFTERSHIP_SIGNATURE_HEADER, verifyAfterShipSignature } from './tracking-signatures';
import {
  Checkpoint,
  checkpointsFrom,
  exceptionTypeFrom,
  locationOf,
  parseJson,
  pollAnswer,
  SEVERITY_OF,
  TrackerRef,
  TrackerUpdate,
  TrackingAdapter,
  utc,
  WebhookDelivery,
} from './tracking-adapter';

/** AfterShip's delivery tags and what they mean here (Exception is read from its subtag below). */
const TAGS: Record<string, ShipmentStatusName | null> = {
  Pending: 'CREATED',
  InfoReceived: 'CREATED',
  InTransit: 'IN_TRANSIT',
  OutForDelivery: 'OUT_FOR_DELIVERY',
  AvailableForPickup: 'OUT_FOR_DELIVERY',
  // the carrier tried: it was out for delivery, and the failed attempt is an exception of its own
  AttemptFail: 'OUT_FOR_DELIVERY',
  Delivered: 'DELIVERED',
  Exception: null,
  Expired: null,
};
/** Exception subtags that are statuses of their own: returned to sender, lost. */
const EXCEPTION_STATUS: Record<string, ShipmentStatusName> = { Exception_011: 'RETURNED', Exception_013: 'LOST' };

function checkpointOf(c: any, signedBy: string | null): Checkpoint | null {
  const occurredAt = utc(c?.checkpoint_time) ?? utc(c?.created_at);
  const tag = typeof c?.tag === 'string' ? c.tag : null;
  if (!occurredAt || !tag) return null;
  const words = [c.subtag_message, c.message].filter((w) => typeof w === 'string').join(' ');
  let status = tag in TAGS ? TAGS[tag] : null;
  let exception: Checkpoint['exception'] = null;
  if (tag === 'AttemptFail') exception = { type: 'FAILED_ATTEMPT', severity: SEVERITY_OF.FAILED_ATTEMPT };
  if (tag === 'Exception') {
    status = EXCEPTION_STATUS[c.subtag] ?? null;
    const type = status === 'LOST' ? 'LOST' : exceptionTypeFrom(words);
    if (type === 'LOST') status = 'LOST';
    exception = status === 'RETURNED' ? null : { type, severity: SEVERITY_OF[type] };
  }
  return {
    status,
    carrierStatus: tag,
    carrierSubstatus: typeof c.subtag === 'string' ? c.subtag : null,
    message: typeof c.message === 'string' ? c.message : null,
    location: locationOf(c.location ?? c.city, c.location ? null : c.state, c.location ? null : (c.country_iso3 ?? c.country_name)),
    occurredAt,
    exception,
    signedBy: status === 'DELIVERED' ? signedBy : null,
  };
}

/** An AfterShip tracking object (webhook `msg`, or a tracking of the API) as our update. */
export function readAfterShipTracking(t: any, fallbackAt: Date): TrackerUpdate | null {
  if (!t || typeof t.tracking_number !== 'string') return null;
  const signedBy = typeof t.signed_by === 'string' && t.signed_by ? t.signed_by : null;
  // no checkpoint yet: the tracking's own tag, at its update time, is the one
  const current = {
    tag: t.tag,
    subtag: t.subtag,
    subtag_message: t.subtag_message,
    checkpoint_time: (utc(t.updated_at) ?? fallbackAt).toISOString(),
  };
  const checkpoints = checkpointsFrom(t.checkpoints, (c: any) => checkpointOf(c, signedBy), current);
  if (checkpoints.length === 0) return null;
  return {
    provider: 'AFTERSHIP',
    trackingNumber: t.tracking_number,
    carrier: typeof t.slug === 'string' ? t.slug : null,
    trackerId: typeof t.id === 'string' ? t.id : null,
    estimatedDeliveryAt: utc(t.expected_delivery) ?? utc(t.aftership_estimated_delivery_date?.estimated_delivery_date),
    checkpoints,
  };
}

/**
 * AfterShip Tracking: webhooks `{ event, event_id, ts, msg: <tracking> }` signed in
 * aftership-hmac-sha256; polls GET /tracking/2024-04/trackings?tracking_numbers=... with `as-api-key`.
 */
@Injectable()
export class AfterShipAdapter implements TrackingAdapter {
  readonly provider = 'AFTERSHIP' as const;

  constructor(private readonly config: LogisticsConfig) {}

  verify(rawBody: string, headers: Record<string, string | undefined>): void {
    verifyAfterShipSignature(rawBody, headers[AFTERSHIP_SIGNATURE_HEADER], this.config.AFTERSHIP_WEBHOOK_SECRET);
  }

  readWebhook(rawBody: string): WebhookDelivery | null {
    const body = parseJson(rawBody);
    if (typeof body?.event_id !== 'string' || !body.event_id) return null;
    const at = typeof body.ts === 'number' ? new Date(body.ts * 1000) : new Date();
    return { eventId: body.event_id, update: body.event === 'tracking_update' ? readAfterShipTracking(body.msg, at) : null };
  }

  async poll(ref: TrackerRef): Promise<TrackerUpdate | null> {
    if (!this.config.AFTERSHIP_API_KEY) return null;
    const url = new URL('/tracking/2024-04/trackings', this.config.AFTERSHIP_API_URL);
    url.searchParams.set('tracking_numbers', ref.trackingNumber);
    const response = await fetch(url, { headers: { 'as-api-key': this.config.AFTERSHIP_API_KEY, accept: 'application/json' } });
    const body = await pollAnswer(response, 'AfterShip');
    const trackings: any[] = body?.data?.trackings ?? [];
    const match = trackings.find((t) => t?.tracking_number === ref.trackingNumber);
    return match ? readAfterShipTracking(match, new Date()) : null;
  }
}
