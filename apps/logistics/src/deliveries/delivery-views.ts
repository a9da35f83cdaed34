import {
  DeliveryOrderStatus,
  DeliveryOrderView,
  DeliveryQuotationStatus,
  DeliveryQuotationView,
  DriverView,
  StopView,
} from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { notFound } from '@suite/platform';
import { LalamoveDistance, LalamoveDriver } from './lalamove/lalamove-api';

export type QuotationRow = Prisma.LalamoveQuotationModel;
export type OrderRow = Prisma.LalamoveOrderModel;

export const quotationNotFound = (field = 'deliveryQuotationId') =>
  notFound('LOGISTICS.DELIVERY_QUOTATION_NOT_FOUND', 'No such delivery quotation.', {
    errors: [{ field, messages: ['delivery quotation not found'] }],
  });

export const deliveryOrderNotFound = () =>
  notFound('LOGISTICS.DELIVERY_ORDER_NOT_FOUND', 'No such delivery order.', {
    errors: [{ field: 'deliveryOrderId', messages: ['delivery order not found'] }],
  });

/** Lalamove measures in metres ("m"); we store kilometres as the seed says, keeping other units as given. */
export function toKilometres(distance: LalamoveDistance | undefined): { distance: Prisma.Decimal; distanceUnit: string } {
  const value = new Prisma.Decimal(distance?.value ?? 0);
  if (!distance || distance.unit === 'm') return { distance: value.div(1000).toDecimalPlaces(3), distanceUnit: 'km' };
  return { distance: value.toDecimalPlaces(3), distanceUnit: distance.unit };
}

/** An ACTIVE quotation whose expiresAt passed reads as EXPIRED before the sweep writes it. */
export const effectiveQuotationStatus = (q: Pick<QuotationRow, 'status' | 'expiresAt'>, now = new Date()): DeliveryQuotationStatus =>
  q.status === 'ACTIVE' && q.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : q.status;

export const toQuotationView = (q: QuotationRow): DeliveryQuotationView => ({
  id: q.id,
  quotationId: q.quotationId,
  serviceType: q.serviceType,
  totalPrice: q.totalPrice.toFixed(2),
  currency: q.currency,
  distance: q.distance.toFixed(3),
  distanceUnit: q.distanceUnit,
  stops: q.stops as unknown as StopView[],
  isScheduled: q.isScheduled,
  scheduleAt: q.scheduleAt?.toISOString() ?? null,
  expiresAt: q.expiresAt.toISOString(),
  status: effectiveQuotationStatus(q),
  userId: q.userId,
  priceBreakdown: q.priceBreakdown as Record<string, unknown>,
  item: (q.item as Record<string, unknown> | null) ?? null,
  specialRequests: q.specialRequests,
  createdAt: q.createdAt.toISOString(),
  updatedAt: q.updatedAt.toISOString(),
});

export const toDriverView = (d: LalamoveDriver, live = false): DriverView => ({
  driverId: String(d.driverId),
  name: d.name ?? null,
  phone: d.phone ?? null,
  plateNumber: d.plateNumber ?? null,
  photo: d.photo ?? null,
  ...(live ? { coordinates: d.coordinates ?? null } : {}),
});

export const toOrderView = (o: OrderRow): DeliveryOrderView => ({
  id: o.id,
  orderId: o.orderId,
  quotationId: o.quotationId,
  status: o.status as DeliveryOrderStatus,
  driverId: o.driverId,
  driver: o.driver ? toDriverView(o.driver as unknown as LalamoveDriver) : null,
  shareLink: o.shareLink,
  totalPrice: o.totalPrice.toFixed(2),
  currency: o.currency,
  distance: o.distance.toFixed(3),
  distanceUnit: o.distanceUnit,
  stops: o.stops as unknown as StopView[],
  isPODEnabled: o.isPODEnabled,
  podStatus: o.podStatus,
  podImage: o.podImage,
  podSignature: o.podSignature,
  podDeliveredAt: o.podDeliveredAt?.toISOString() ?? null,
  orderReference: o.orderReference,
  userId: o.userId,
  statusChangedAt: o.statusChangedAt.toISOString(),
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});
