import {
  PublicTrackingView,
  ShipmentExceptionView,
  ShipmentStatusName,
  ShipmentView,
  TrackingEventView,
  TrackingProviderName,
} from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';

export const WITH_ITEMS_AND_LEGS = {
  items: { orderBy: { orderItemId: 'asc' } },
  legs: { orderBy: { sequence: 'asc' } },
} as const satisfies Prisma.ShipmentInclude;

export type ShipmentRow = Prisma.ShipmentGetPayload<{ include: typeof WITH_ITEMS_AND_LEGS }>;
type EventRow = Prisma.TrackingEventGetPayload<object>;
type ExceptionRow = Prisma.ShipmentExceptionGetPayload<object>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toShipmentView(s: ShipmentRow): ShipmentView {
  return {
    id: s.id,
    orderId: s.orderId,
    fulfillmentId: s.fulfillmentId,
    status: s.status as ShipmentStatusName,
    carrierStatus: s.carrierStatus,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    service: s.service,
    labelRef: s.labelRef,
    cost: s.cost ? s.cost.toFixed(2) : null,
    currency: s.currency,
    weight: s.weight ? s.weight.toFixed(3) : null,
    weightUnit: s.weightUnit,
    trackingProvider: s.trackingProvider as TrackingProviderName | null,
    source: s.source,
    items: s.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    legs: s.legs.map((l) => ({
      id: l.id,
      sequence: l.sequence,
      carrier: l.carrier,
      trackingNumber: l.trackingNumber,
      service: l.service,
      status: l.status as ShipmentStatusName,
      carrierStatus: l.carrierStatus,
      handedOverAt: iso(l.handedOverAt),
      completedAt: iso(l.completedAt),
    })),
    estimatedDeliveryAt: iso(s.estimatedDeliveryAt),
    dispatchedAt: iso(s.dispatchedAt),
    inTransitAt: iso(s.inTransitAt),
    outForDeliveryAt: iso(s.outForDeliveryAt),
    deliveredAt: iso(s.deliveredAt),
    returnedAt: iso(s.returnedAt),
    lostAt: iso(s.lostAt),
    proofOfDelivery: s.podReceivedAt
      ? {
          signedBy: s.podSignedBy,
          photoRef: s.podPhotoRef,
          signatureRef: s.podSignatureRef,
          location: s.podLocation,
          receivedAt: s.podReceivedAt.toISOString(),
        }
      : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toTrackingEventView(e: EventRow): TrackingEventView {
  return {
    id: e.id,
    legId: e.legId,
    provider: e.provider as TrackingProviderName,
    status: e.status as ShipmentStatusName | null,
    carrierStatus: e.carrierStatus,
    carrierSubstatus: e.carrierSubstatus,
    message: e.message,
    location: e.location,
    occurredAt: e.occurredAt.toISOString(),
    receivedAt: e.receivedAt.toISOString(),
  };
}

export function toExceptionView(x: ExceptionRow): ShipmentExceptionView {
  return {
    id: x.id,
    shipmentId: x.shipmentId,
    type: x.type,
    severity: x.severity,
    description: x.description,
    source: x.source,
    trackingEventId: x.trackingEventId,
    resolution: x.resolution,
    resolvedAt: iso(x.resolvedAt),
    createdAt: x.createdAt.toISOString(),
  };
}

/** What anyone holding the tracking number may see: no owners, no proof of delivery, no cost. */
export function toPublicTrackingView(trackingNumber: string, s: ShipmentRow, events: EventRow[]): PublicTrackingView {
  return {
    trackingNumber,
    carrier: s.carrier,
    status: s.status as ShipmentStatusName,
    estimatedDeliveryAt: iso(s.estimatedDeliveryAt),
    deliveredAt: iso(s.deliveredAt),
    legs: s.legs.map((l) => ({
      sequence: l.sequence,
      carrier: l.carrier,
      trackingNumber: l.trackingNumber,
      status: l.status as ShipmentStatusName,
    })),
    events: events.map((e) => ({
      status: e.status as ShipmentStatusName | null,
      carrierStatus: e.carrierStatus,
      message: e.message,
      location: e.location,
      occurredAt: e.occurredAt.toISOString(),
    })),
  };
}
