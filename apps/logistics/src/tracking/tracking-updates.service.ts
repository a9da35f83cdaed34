import { Injectable } from '@nestjs/common';
import { ShipmentStatusName } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { moveShipment, raiseException } from '../shipments/shipment-moves';
import { nextShipmentStatus } from '../shipments/shipment-status';
import { Checkpoint, TrackerUpdate } from './adapters/tracking-adapter';

type Tx = Prisma.TransactionClient;

export interface Applied {
  /** null: no shipment of ours has this tracking number (nothing stored) */
  shipmentId: string | null;
  stored: number;
}

/**
 * The one key a checkpoint is stored under per shipment: the provider's id of it when it has one,
 * else its status (the carrier word when it maps to none), UTC time and place. A checkpoint reported
 * again (a redelivered webhook, a poll, the full history a later webhook repeats) finds its key taken.
 */
export function dedupeKey(c: Checkpoint): string {
  if (c.providerEventId) return `id:${c.providerEventId}`;
  return `${c.status ?? `raw:${c.carrierStatus}`}|${c.occurredAt.toISOString()}|${c.location.trim().toLowerCase()}`;
}

/**
 * Applies what a tracking provider reported (webhook or poll) to the shipment with that tracking
 * number: every checkpoint stored once, new ones taken in occurredAt order through the forward rules
 * (a late one stays in the timeline and moves nothing), carrier exceptions raised once per checkpoint,
 * the proof of delivery kept, and the carrier's raw status of the latest checkpoint beside ours.
 */
@Injectable()
export class TrackingUpdates {
  async apply(tx: Tx, update: TrackerUpdate): Promise<Applied> {
    // One statement finds the shipment (through its latest leg with this number, else its own number) and locks
    // it: a webhook burst pays for round trips, not for the work.
    const [found] = await tx.$queryRaw<{ id: string; legId: string | null }[]>`
      WITH leg AS (SELECT id, shipment_id FROM shipment_legs WHERE tracking_number = ${update.trackingNumber} ORDER BY created_at DESC LIMIT 1)
      SELECT s.id::text AS id, (SELECT id::text FROM leg) AS "legId" FROM shipments s
      WHERE s.id = COALESCE((SELECT shipment_id FROM leg),
                            (SELECT id FROM shipments WHERE tracking_number = ${update.trackingNumber} ORDER BY created_at DESC LIMIT 1))
      FOR UPDATE OF s`;
    if (!found) return { shipmentId: null, stored: 0 };
    const [shipment, leg] = await Promise.all([
      tx.shipment.findUniqueOrThrow({ where: { id: found.id } }),
      found.legId ? tx.shipmentLeg.findUnique({ where: { id: found.legId } }) : null,
    ]);

    const byKey = new Map(update.checkpoints.map((c) => [dedupeKey(c), c]));
    const inserted = await tx.trackingEvent.createManyAndReturn({
      data: [...byKey].map(([key, c]) => ({
        shipmentId: shipment.id,
        legId: leg?.id ?? null,
        provider: update.provider,
        providerEventId: c.providerEventId ?? null,
        dedupeKey: key,
        status: c.status,
        carrierStatus: c.carrierStatus,
        carrierSubstatus: c.carrierSubstatus ?? null,
        message: c.message ?? null,
        location: c.location,
        occurredAt: c.occurredAt,
      })),
      skipDuplicates: true,
    });
    const fresh = inserted.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.dedupeKey.localeCompare(b.dedupeKey));

    let legStatus = (leg?.status ?? 'CREATED') as ShipmentStatusName;
    for (const event of fresh) {
      const c = byKey.get(event.dedupeKey)!;
      if (c.status) {
        const pod =
          c.status === 'DELIVERED' ? { signedBy: c.signedBy ?? null, location: c.location || null, receivedAt: c.occurredAt } : null;
        await moveShipment(tx, shipment, c.status, c.occurredAt, pod);
        legStatus = nextShipmentStatus(legStatus, c.status) ?? legStatus;
      }
      if (c.exception)
        await raiseException(tx, shipment, {
          type: c.exception.type,
          severity: c.exception.severity,
          description: c.message || `${c.carrierStatus}${c.carrierSubstatus ? ` (${c.carrierSubstatus})` : ''}`,
          source: 'CARRIER',
          trackingEventId: event.id,
        });
    }

    // The carrier's word of the latest checkpoint beside ours: it changes only when a checkpoint was stored.
    const latest = fresh.length
      ? Prisma.sql`(SELECT carrier_status FROM tracking_events WHERE shipment_id = ${shipment.id}::uuid ORDER BY occurred_at DESC, received_at DESC LIMIT 1)`
      : Prisma.sql`carrier_status`;
    await tx.$executeRaw`
      UPDATE shipments SET carrier_status = COALESCE(${latest}, carrier_status), last_tracked_at = now(), updated_at = now(),
             tracking_provider = COALESCE(tracking_provider, ${update.provider}::"TrackingProvider"),
             provider_tracker_id = COALESCE(provider_tracker_id, ${update.trackerId ?? null}),
             estimated_delivery_at = COALESCE(${update.estimatedDeliveryAt ?? null}::timestamptz, estimated_delivery_at)
      WHERE id = ${shipment.id}::uuid`;
    if (leg && fresh.length) {
      const legLatest = await tx.trackingEvent.findFirst({
        where: { legId: leg.id },
        orderBy: [{ occurredAt: 'desc' }, { receivedAt: 'desc' }],
        select: { carrierStatus: true },
      });
      await tx.shipmentLeg.update({
        where: { id: leg.id },
        data: {
          status: legStatus,
          carrierStatus: legLatest?.carrierStatus ?? leg.carrierStatus,
          ...(legStatus === 'DELIVERED' && !leg.completedAt ? { completedAt: new Date() } : {}),
        },
      });
    }
    return { shipmentId: shipment.id, stored: fresh.length };
  }
}
