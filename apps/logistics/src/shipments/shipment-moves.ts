import {
  ShipmentExceptionEventPayload,
  ShipmentExceptionRaised,
  ShipmentExceptionSeverityName,
  ShipmentExceptionTypeName,
  ShipmentStatusChanged,
  ShipmentStatusName,
} from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { enqueueEvent } from '@suite/platform';
import { nextShipmentStatus, TIMESTAMP_OF } from './shipment-status';

type Tx = Prisma.TransactionClient;
type ShipmentRow = Prisma.ShipmentGetPayload<object>;

export interface ProofOfDelivery {
  signedBy?: string | null;
  photoRef?: string | null;
  signatureRef?: string | null;
  location?: string | null;
  receivedAt: Date;
}

/** Locks the shipment for the rest of the transaction: its status moves one writer at a time. */
export async function lockShipment(tx: Tx, id: string): Promise<ShipmentRow | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM shipments WHERE id = ${id}::uuid FOR UPDATE`;
  return locked.length ? tx.shipment.findUnique({ where: { id } }) : null;
}

/**
 * Moves a locked shipment to `incoming` when the forward rules allow it (shipment-status.ts): stamps
 * the timeline column the first time, keeps a proof of delivery, and announces the change
 * (ShipmentStatusChanged, with the order's owners and the shipment's items) through the outbox.
 * Returns the new status, or null when the shipment did not move.
 */
export async function moveShipment(
  tx: Tx,
  shipment: ShipmentRow,
  incoming: ShipmentStatusName,
  at: Date,
  pod?: ProofOfDelivery | null,
): Promise<ShipmentStatusName | null> {
  const from = shipment.status as ShipmentStatusName;
  const to = nextShipmentStatus(from, incoming);
  if (!to) return null;
  const stamp = TIMESTAMP_OF[to];
  const data: Prisma.ShipmentUncheckedUpdateInput = { status: to };
  if (stamp && !(shipment as unknown as Record<string, unknown>)[stamp]) (data as Record<string, unknown>)[stamp] = at;
  const proof = to === 'DELIVERED' ? (pod ?? null) : null;
  if (proof)
    Object.assign(data, {
      podSignedBy: proof.signedBy ?? null,
      podPhotoRef: proof.photoRef ?? null,
      podSignatureRef: proof.signatureRef ?? null,
      podLocation: proof.location ?? null,
      podReceivedAt: proof.receivedAt,
    });
  const updated = await tx.shipment.update({ where: { id: shipment.id }, data, include: { items: true } });
  Object.assign(shipment, updated);
  await enqueueEvent(tx, ShipmentStatusChanged, {
    shipmentId: updated.id,
    orderId: updated.orderId,
    fulfillmentId: updated.fulfillmentId,
    userId: updated.userId,
    teamId: updated.teamId,
    storeId: updated.storeId,
    status: to,
    previousStatus: from,
    items: updated.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    carrier: updated.carrier,
    trackingNumber: updated.trackingNumber,
    occurredAt: at.toISOString(),
    proofOfDelivery: updated.podReceivedAt
      ? {
          signedBy: updated.podSignedBy,
          photoUrl: updated.podPhotoRef,
          signatureUrl: updated.podSignatureRef,
          location: updated.podLocation,
          receivedAt: updated.podReceivedAt.toISOString(),
        }
      : null,
  });
  return to;
}

export interface NewException {
  type: ShipmentExceptionTypeName;
  severity: ShipmentExceptionSeverityName;
  description: string;
  source: 'CARRIER' | 'STAFF';
  trackingEventId?: string | null;
  raisedById?: string | null;
}

export const exceptionEvent = (
  shipment: ShipmentRow,
  x: Prisma.ShipmentExceptionGetPayload<object>,
  occurredAt: Date,
): ShipmentExceptionEventPayload => ({
  exceptionId: x.id,
  shipmentId: shipment.id,
  orderId: shipment.orderId,
  userId: shipment.userId,
  teamId: shipment.teamId,
  storeId: shipment.storeId,
  type: x.type,
  severity: x.severity,
  description: x.description,
  source: x.source,
  carrier: shipment.carrier,
  trackingNumber: shipment.trackingNumber,
  resolution: x.resolution,
  resolvedAt: x.resolvedAt?.toISOString() ?? null,
  occurredAt: occurredAt.toISOString(),
});

/** Records an exception and announces it (evt.logistics.shipment-exception.raised) in the same transaction. */
export async function raiseException(tx: Tx, shipment: ShipmentRow, x: NewException) {
  const row = await tx.shipmentException.create({ data: { shipmentId: shipment.id, ...x } });
  await enqueueEvent(tx, ShipmentExceptionRaised, exceptionEvent(shipment, row, row.createdAt));
  return row;
}
