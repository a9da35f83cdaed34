import { Inject, Injectable } from '@nestjs/common';
import {
  DeliveryOrderFilter,
  DeliveryOrderView,
  DeliveryQuotationFilter,
  DeliveryQuotationView,
  DriverView,
  DeliveryProofView,
} from '@suite/contracts/logistics';
import { LogisticsDb, Prisma } from '@suite/db/logistics';
import {
  AppError,
  CallerIdentity,
  conflict,
  InjectDb,
  newestFirstAfter,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { requireDeliveryPermission } from './delivery-access';
import { deliveryOrderNotFound, OrderRow, quotationNotFound, toDriverView, toOrderView, toQuotationView } from './delivery-views';
import { LALAMOVE_API, LalamoveApi, LalamoveRefusal } from './lalamove/lalamove-api';
import { lastPod } from './lalamove/lalamove-webhook';
import { podData } from './lalamove-webhooks.service';

/** A POD in one of these states will not change any more: it is not read from Lalamove again. */
const FINAL_POD = ['DELIVERED', 'SIGNED', 'FAILED'];

/** Reads of quotations and orders, and the two reads that ask Lalamove (the driver, the proof of delivery). */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDb() private readonly db: LogisticsDb,
    @Inject(LALAMOVE_API) private readonly lalamove: LalamoveApi,
  ) {}

  async listQuotations(caller: CallerIdentity, query: DeliveryQuotationFilter & PageQuery): Promise<Page<DeliveryQuotationView>> {
    requireDeliveryPermission(caller, 'deliveries:read');
    const limit = pageLimit(query);
    const now = new Date();
    // the status a caller sees counts an ACTIVE quotation past its expiresAt as EXPIRED
    const status: Prisma.LalamoveQuotationWhereInput =
      query.status === 'ACTIVE'
        ? { status: 'ACTIVE', expiresAt: { gt: now } }
        : query.status === 'EXPIRED'
          ? { OR: [{ status: 'EXPIRED' }, { status: 'ACTIVE', expiresAt: { lte: now } }] }
          : query.status
            ? { status: query.status }
            : {};
    const rows = await this.db.lalamoveQuotation.findMany({
      where: { AND: [status, newestFirstAfter(query.cursor) ?? {}] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toQuotationView), limit, (v) => timeKeyOf(v.createdAt, v.id));
  }

  async getQuotation(caller: CallerIdentity, id: string): Promise<DeliveryQuotationView> {
    requireDeliveryPermission(caller, 'deliveries:read');
    const row = await this.db.lalamoveQuotation.findUnique({ where: { id } });
    if (!row) throw quotationNotFound();
    return toQuotationView(row);
  }

  async listOrders(caller: CallerIdentity, query: DeliveryOrderFilter & PageQuery): Promise<Page<DeliveryOrderView>> {
    requireDeliveryPermission(caller, 'deliveries:read');
    const limit = pageLimit(query);
    const rows = await this.db.lalamoveOrder.findMany({
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.driverId ? { driverId: query.driverId } : {}),
        ...newestFirstAfter(query.cursor),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toOrderView), limit, (v) => timeKeyOf(v.createdAt, v.id));
  }

  async getOrder(caller: CallerIdentity, id: string): Promise<DeliveryOrderView> {
    requireDeliveryPermission(caller, 'deliveries:read');
    return toOrderView(await this.order(id));
  }

  /** The assigned driver as Lalamove knows them now (name, phone, plate, photo, position). */
  async driver(caller: CallerIdentity, id: string): Promise<DriverView> {
    requireDeliveryPermission(caller, 'deliveries:read');
    const order = await this.order(id);
    if (!order.driverId)
      throw conflict('LOGISTICS.DELIVERY_NO_DRIVER', 'No driver is assigned to this delivery yet.', { currentStatus: order.status });
    const driver = await this.lalamove.getDriver(order.orderId, order.driverId).catch((error: unknown) => {
      if (error instanceof LalamoveRefusal)
        throw new AppError('conflict', 'LOGISTICS.DELIVERY_DRIVER_UNAVAILABLE', `Lalamove has no details of this driver: ${error.detail}`);
      throw error;
    });
    return toDriverView({ ...driver, driverId: String(driver.driverId ?? order.driverId) }, true);
  }

  /**
   * The stored proof; for a COMPLETED order whose proof is not final yet, read from Lalamove's order
   * details and stored, so later reads (and the next event) have it without asking again.
   */
  async proofOfDelivery(caller: CallerIdentity, id: string): Promise<DeliveryProofView> {
    requireDeliveryPermission(caller, 'deliveries:read');
    let order = await this.order(id);
    if (order.isPODEnabled && order.status === 'COMPLETED' && !FINAL_POD.includes(order.podStatus ?? '')) {
      const details = await this.lalamove.getOrder(order.orderId);
      const pod = lastPod(details.stops);
      if (pod)
        order = await this.db.lalamoveOrder.update({ where: { id: order.id }, data: { ...podData(pod), stops: details.stops as never } });
    }
    return {
      isPODEnabled: order.isPODEnabled,
      podStatus: order.podStatus,
      podImage: order.podImage,
      podSignature: order.podSignature,
      deliveredAt: order.podDeliveredAt?.toISOString() ?? null,
    };
  }

  private async order(id: string): Promise<OrderRow> {
    const row = await this.db.lalamoveOrder.findUnique({ where: { id } });
    if (!row) throw deliveryOrderNotFound();
    return row;
  }
}
