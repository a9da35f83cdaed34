import { Injectable } from '@nestjs/common';
import { PublicTrackingView, ShipmentExceptionView, ShipmentFilter, ShipmentView, TrackingEventView } from '@suite/contracts/logistics';
import { LogisticsDb, Prisma } from '@suite/db/logistics';
import { CallerIdentity, InjectDb, newestFirstAfter, notFound, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission, shipmentNotFound, shipmentReadScope } from './shipment-access';
import { toExceptionView, toPublicTrackingView, toShipmentView, toTrackingEventView, WITH_ITEMS_AND_LEGS } from './shipment-view';

const TIMELINE_ORDER = [
  { occurredAt: 'asc' },
  { receivedAt: 'asc' },
  { id: 'asc' },
] as const satisfies Prisma.TrackingEventOrderByWithRelationInput[];

/** The read side of shipments: lists, one, its tracking timeline and exceptions, and the public tracking page. */
@Injectable()
export class ShipmentsService {
  constructor(@InjectDb() private readonly db: LogisticsDb) {}

  async list(caller: CallerIdentity, query: ShipmentFilter & PageQuery): Promise<Page<ShipmentView>> {
    requirePermission(caller, 'shipments:read');
    const limit = pageLimit(query);
    const rows = await this.db.shipment.findMany({
      where: {
        AND: [
          shipmentReadScope(caller),
          {
            ...(query.orderId ? { orderId: query.orderId } : {}),
            ...(query.fulfillmentId ? { fulfillmentId: query.fulfillmentId } : {}),
            ...(query.status ? { status: query.status } : {}),
            ...(query.carrier ? { carrier: { equals: query.carrier, mode: 'insensitive' as const } } : {}),
            ...(query.trackingNumber ? { trackingNumber: query.trackingNumber } : {}),
          },
          newestFirstAfter(query.cursor) ?? {},
        ],
      },
      include: WITH_ITEMS_AND_LEGS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toShipmentView), limit, (s) => timeKeyOf(s.createdAt, s.id));
  }

  async get(caller: CallerIdentity, id: string): Promise<ShipmentView> {
    requirePermission(caller, 'shipments:read');
    const row = await this.db.shipment.findFirst({ where: { id, ...shipmentReadScope(caller) }, include: WITH_ITEMS_AND_LEGS });
    if (!row) throw shipmentNotFound();
    return toShipmentView(row);
  }

  async tracking(caller: CallerIdentity, id: string): Promise<TrackingEventView[]> {
    requirePermission(caller, 'shipments:read');
    await this.visible(caller, id);
    const events = await this.db.trackingEvent.findMany({ where: { shipmentId: id }, orderBy: [...TIMELINE_ORDER] });
    return events.map(toTrackingEventView);
  }

  async exceptions(caller: CallerIdentity, id: string): Promise<ShipmentExceptionView[]> {
    requirePermission(caller, 'shipments:read');
    await this.visible(caller, id);
    const rows = await this.db.shipmentException.findMany({ where: { shipmentId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toExceptionView);
  }

  /** Anyone with the tracking number (of the shipment or one of its legs) sees where it is, nothing about who. */
  async publicTracking(trackingNumber: string): Promise<PublicTrackingView> {
    const leg = await this.db.shipmentLeg.findFirst({
      where: { trackingNumber },
      orderBy: { createdAt: 'desc' },
      select: { shipmentId: true },
    });
    const shipment = await this.db.shipment.findFirst({
      where: leg ? { id: leg.shipmentId } : { trackingNumber },
      orderBy: { createdAt: 'desc' },
      include: WITH_ITEMS_AND_LEGS,
    });
    if (!shipment)
      throw notFound('LOGISTICS.TRACKING_NUMBER_UNKNOWN', 'No shipment has this tracking number.', {
        errors: [{ field: 'trackingNumber', messages: ['no shipment has this tracking number'] }],
      });
    const events = await this.db.trackingEvent.findMany({ where: { shipmentId: shipment.id }, orderBy: [...TIMELINE_ORDER] });
    return toPublicTrackingView(trackingNumber, shipment, events);
  }

  private async visible(caller: CallerIdentity, id: string): Promise<void> {
    const found = await this.db.shipment.findFirst({ where: { id, ...shipmentReadScope(caller) }, select: { id: true } });
    if (!found) throw shipmentNotFound();
  }
}
