import { createHmac, randomUUID } from 'node:crypto';

/** Our status of each AfterShip tag the plan uses (as apps/logistics/src/tracking/adapters/aftership.adapter.ts maps them). */
const STATUS_OF = { InTransit: 'IN_TRANSIT', OutForDelivery: 'OUT_FOR_DELIVERY', Delivered: 'DELIVERED' } as const;
type Tag = keyof typeof STATUS_OF;
const RANK: Record<string, number> = { DISPATCHED: 1, IN_TRANSIT: 2, OUT_FOR_DELIVERY: 3, DELIVERED: 4 };

export interface BenchShipment {
  id: string;
  trackingNumber: string;
  /** the furthest-forward status of its checkpoints: what the shipment must end at */
  expected: string;
}

/** One checkpoint as the service stores it (tracking_events), for the raw baseline and the checks. */
export interface PlannedRow {
  shipmentId: string;
  dedupeKey: string;
  status: string;
  carrierStatus: string;
  carrierSubstatus: string;
  message: string;
  location: string;
  occurredAt: string;
}

export interface Webhook {
  body: string;
  signature: string;
  row: PlannedRow;
  /** 'redelivery': the same event again (same event_id); 'repeat': the same checkpoint in a new event */
  duplicate: 'redelivery' | 'repeat' | null;
  /** a checkpoint of its shipment that occurred later was sent before it */
  outOfOrder: boolean;
}

export interface Plan {
  shipments: BenchShipment[];
  webhooks: Webhook[];
  distinctRows: number;
  distinctEvents: number;
}

/**
 * Tracking numbers BENCH-<prefix>-<n>, each with `perShipment` webhooks of one checkpoint each: 90% distinct
 * checkpoints on the way (in transit, then for a third of the shipments out for delivery, and for a third of those
 * delivered), 10% duplicates (half redeliveries of an earlier event, half the same checkpoint in a new event, as
 * AfterShip repeats history), with adjacent pairs swapped so about 20% of the webhooks arrive after a later
 * checkpoint of their shipment. The webhooks of all shipments are interleaved (round robin), as carriers report
 * many parcels at once. Every body is signed as AfterShip signs it: base64 HMAC-SHA256 of the raw body.
 */
export function plan(prefix: string, shipmentCount: number, webhookCount: number, secret: string): Plan {
  const perShipment = Math.max(2, Math.round(webhookCount / shipmentCount));
  const duplicates = Math.max(1, Math.round(perShipment / 10));
  const distinct = perShipment - duplicates;
  const shipments: BenchShipment[] = [];
  const sequences: Webhook[][] = [];
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64');
  const t0 = Date.parse('2026-11-02T00:00:00Z');
  for (let s = 0; s < shipmentCount; s++) {
    const id = randomUUID();
    const trackingNumber = `BENCH-${prefix}-${s}`;
    // a third delivered, a third out for delivery, a third still in transit
    const tags: Tag[] = Array.from({ length: distinct }, () => 'InTransit' as Tag);
    if (s % 3 !== 2) tags[distinct - (s % 3 === 0 ? 2 : 1)] = 'OutForDelivery';
    if (s % 3 === 0) tags[distinct - 1] = 'Delivered';
    const expected = tags.reduce((best, t) => (RANK[STATUS_OF[t]] > RANK[best] ? STATUS_OF[t] : best), 'DISPATCHED');
    shipments.push({ id, trackingNumber, expected });
    const fresh = tags.map((tag, k) => {
      const occurredAt = new Date(t0 + s * 60_000 + k * 3_600_000).toISOString();
      const location = `Hub ${k}, PH`;
      const subtag = `${tag}_001`;
      const message = `${tag} at hub ${k}`;
      const row: PlannedRow = {
        shipmentId: id,
        dedupeKey: `${STATUS_OF[tag]}|${occurredAt}|${location.toLowerCase()}`,
        status: STATUS_OF[tag],
        carrierStatus: tag,
        carrierSubstatus: subtag,
        message,
        location,
        occurredAt,
      };
      const checkpoint = { slug: 'usps', tag, subtag, message, checkpoint_time: occurredAt, location };
      const body = (eventId: string) =>
        JSON.stringify({
          event: 'tracking_update',
          event_id: eventId,
          is_tracking_first_tag: k === 0,
          ts: Math.floor((t0 + s * 60_000 + k * 3_600_000) / 1000),
          msg: { id: `as-${trackingNumber}`, tracking_number: trackingNumber, slug: 'usps', tag, subtag, checkpoints: [checkpoint] },
        });
      return { row, body };
    });
    // 20% out of order: swap adjacent pairs (the earlier checkpoint then arrives second), one pair per 5 webhooks.
    const order = fresh.map((_, k) => k);
    const swaps = Math.round(perShipment / 5);
    for (let p = 0; p < swaps && 2 * p + 1 < order.length; p++) {
      const at = order.length - 2 - 2 * p - (s % 2); // vary where, and include the last pair (a late step after delivery)
      if (at >= 0) [order[at], order[at + 1]] = [order[at + 1], order[at]];
    }
    const seq: Webhook[] = [];
    let latest = -1;
    for (const k of order) {
      const body = fresh[k].body(randomUUID());
      seq.push({ body, signature: sign(body), row: fresh[k].row, duplicate: null, outOfOrder: k < latest });
      latest = Math.max(latest, k);
    }
    // Duplicates go after their original, spread across the sequence.
    for (let d = 0; d < duplicates; d++) {
      const of = seq[(d * 3 + s) % seq.length];
      const redelivery = (d + s) % 2 === 0;
      const body = redelivery ? of.body : fresh[fresh.findIndex((f) => f.row === of.row)].body(randomUUID());
      const duplicate = redelivery ? 'redelivery' : 'repeat';
      seq.push({ body, signature: sign(body), row: of.row, duplicate, outOfOrder: false });
    }
    sequences.push(seq);
  }
  const webhooks: Webhook[] = [];
  for (let k = 0; k < perShipment; k++) for (const seq of sequences) if (seq[k]) webhooks.push(seq[k]);
  const distinctEvents = new Set(webhooks.map((w) => w.body)).size;
  return { shipments, webhooks, distinctRows: shipmentCount * distinct, distinctEvents };
}
