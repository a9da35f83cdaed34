import { Injectable } from '@nestjs/common';
import { ShipmentStatusName } from '@suite/contracts/logistics';
import { LogisticsConfig } from '../../config';
import { EASYPOST_SIGNATURE_HEADER, verifyEasyPostSignature } from './tracking-signatures';
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

/** EasyPost tracker statuses; failure/error/cancelled/unknown move nothing (failure is an exception). */
const STATUSES: Record<string, ShipmentStatusName | null> = {
  pre_transit: 'CREATED',
  in_transit: 'IN_TRANSIT',
  out_for_delivery: 'OUT_FOR_DELIVERY',
  available_for_pickup: 'OUT_FOR_DELIVERY',
  delivered: 'DELIVERED',
  return_to_sender: 'RETURNED',
  failure: null,
  error: null,
  cancelled: null,
  unknown: null,
};

function checkpointOf(d: any, signedBy: string | null): Checkpoint | null {
  const occurredAt = utc(d?.datetime);
  const raw = typeof d?.status === 'string' ? d.status : null;
  if (!occurredAt || !raw) return null;
  let status = raw in STATUSES ? STATUSES[raw] : null;
  let exception: Checkpoint['exception'] = null;
  if (raw === 'failure') {
    const type = exceptionTypeFrom(`${d.status_detail ?? ''} ${d.message ?? ''}`);
    if (type === 'LOST') status = 'LOST';
    exception = { type, severity: SEVERITY_OF[type] };
  }
  const place = d.tracking_location ?? {};
  return {
    status,
    carrierStatus: raw,
    carrierSubstatus: typeof d.status_detail === 'string' ? d.status_detail : null,
    message: typeof d.message === 'string' ? d.message : null,
    location: locationOf(place.city, place.state, place.country),
    occurredAt,
    exception,
    signedBy: status === 'DELIVERED' ? signedBy : null,
  };
}

/** An EasyPost Tracker object (webhook `result`, or the API's answer) as our update. */
export function readEasyPostTracker(t: any): TrackerUpdate | null {
  if (t?.object !== 'Tracker' || typeof t.tracking_code !== 'string') return null;
  const signedBy = typeof t.signed_by === 'string' && t.signed_by ? t.signed_by : null;
  const current = { status: t.status, status_detail: t.status_detail, datetime: t.updated_at ?? t.created_at };
  const checkpoints = checkpointsFrom(t.tracking_details, (d: any) => checkpointOf(d, signedBy), current);
  if (checkpoints.length === 0) return null;
  return {
    provider: 'EASYPOST',
    trackingNumber: t.tracking_code,
    carrier: typeof t.carrier === 'string' ? t.carrier : null,
    trackerId: typeof t.id === 'string' ? t.id : null,
    estimatedDeliveryAt: utc(t.est_delivery_date),
    checkpoints,
  };
}

/**
 * EasyPost Trackers: webhooks are Events `{ id, object: 'Event', description: 'tracker.updated', result: <Tracker> }`
 * signed in X-Hmac-Signature; polls GET /v2/trackers/:id, or POST /v2/trackers (EasyPost answers the
 * existing tracker of a tracking code) with the API key as the Basic user.
 */
@Injectable()
export class EasyPostAdapter implements TrackingAdapter {
  readonly provider = 'EASYPOST' as const;

  constructor(private readonly config: LogisticsConfig) {}

  verify(rawBody: string, headers: Record<string, string | undefined>): void {
    verifyEasyPostSignature(rawBody, headers[EASYPOST_SIGNATURE_HEADER], this.config.EASYPOST_WEBHOOK_SECRET);
  }

  readWebhook(rawBody: string): WebhookDelivery | null {
    const body = parseJson(rawBody);
    if (body?.object !== 'Event' || typeof body.id !== 'string' || !body.id) return null;
    const tracking = body.description === 'tracker.updated' || body.description === 'tracker.created';
    return { eventId: body.id, update: tracking ? readEasyPostTracker(body.result) : null };
  }

  async poll(ref: TrackerRef): Promise<TrackerUpdate | null> {
    if (!this.config.EASYPOST_API_KEY) return null;
    const auth = `Basic ${Buffer.from(`${this.config.EASYPOST_API_KEY}:`).toString('base64')}`;
    const base = this.config.EASYPOST_API_URL;
    const response = ref.trackerId
      ? await fetch(new URL(`/v2/trackers/${encodeURIComponent(ref.trackerId)}`, base), { headers: { authorization: auth } })
      : await fetch(new URL('/v2/trackers', base), {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ tracker: { tracking_code: ref.trackingNumber, ...(ref.carrier ? { carrier: ref.carrier } : {}) } }),
        });
    const body = await pollAnswer(response, 'EasyPost');
    return body ? readEasyPostTracker(body) : null;
  }
}
