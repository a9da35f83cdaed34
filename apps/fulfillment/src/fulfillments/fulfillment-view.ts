import {
  FulfillmentHoldView,
  FulfillmentView,
  HoldReasonName,
  RoutingCandidateView,
  RoutingDecisionView,
  ShipToView,
} from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';

export type FulfillmentRow = Prisma.FulfillmentGetPayload<{ include: { items: true; holds: true } }>;
export const WITH_ITEMS_AND_OPEN_HOLDS = {
  items: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  holds: { where: { releasedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.FulfillmentInclude;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toHoldView = (h: Prisma.FulfillmentHoldGetPayload<object>): FulfillmentHoldView => ({
  id: h.id,
  fulfillmentId: h.fulfillmentId,
  reason: h.reason as HoldReasonName,
  note: h.note,
  setById: h.setById,
  releasedAt: iso(h.releasedAt),
  releasedById: h.releasedById,
  releasedBy: h.releasedBy,
  createdAt: h.createdAt.toISOString(),
});

export const toFulfillmentView = (f: FulfillmentRow): FulfillmentView => ({
  id: f.id,
  orderId: f.orderId,
  orderCode: f.orderCode,
  storeId: f.storeId,
  teamId: f.teamId,
  factoryId: f.factoryId,
  locationId: f.locationId,
  status: f.status,
  trackingNumber: f.trackingNumber,
  carrier: f.carrier,
  shipTo: (f.shipTo as ShipToView | null) ?? null,
  shippedAt: iso(f.shippedAt),
  deliveredAt: iso(f.deliveredAt),
  failureReason: f.failureReason,
  items: f.items.map((i) => ({
    id: i.id,
    orderItemId: i.orderItemId,
    productId: i.productId,
    systemVariantId: i.systemVariantId,
    systemVariantCode: i.systemVariantCode,
    designId: i.designId,
    printMethod: i.printMethod,
    supplierVariantId: i.supplierVariantId,
    quantity: i.quantity,
    status: i.status,
  })),
  openHolds: f.holds.filter((h) => !h.releasedAt).map(toHoldView),
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
});

export const toDecisionView = (d: Prisma.RoutingDecisionGetPayload<object>, ruleNames: Map<string, string>): RoutingDecisionView => ({
  id: d.id,
  fulfillmentId: d.fulfillmentId,
  outcome: d.outcome,
  ruleId: d.ruleId,
  ruleName: d.ruleId ? (ruleNames.get(d.ruleId) ?? '(deleted rule)') : 'default',
  factoryId: d.factoryId,
  reason: d.reason,
  candidates: (Array.isArray(d.candidates) ? d.candidates : []) as unknown as RoutingCandidateView[],
  decidedAt: d.decidedAt.toISOString(),
});
