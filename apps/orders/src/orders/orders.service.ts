import { Injectable, Logger } from '@nestjs/common';
import { CatalogSubjects } from '@suite/contracts/catalog';
import { OrderEvent, OrderFilter, OrdersEvents, OrderView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { CallerIdentity, enqueueEvent, InjectDb, NatsClient, newestFirstAfter, notFound, UnitOfWork, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from './order-access';
import { transition } from './order-status';
import { toOrderView } from './order-view';

/** An order whose checkout has not placed it yet (placedAt NULL) is invisible: it may still be cancelled by the saga. */
const PLACED: Prisma.OrderWhereInput = { placedAt: { not: null } };

const orderNotFound = () => notFound('ORDERS.ORDER_NOT_FOUND', 'No such order.', { errors: [{ field: 'id', messages: ['order not found'] }] });

/** Reading and cancelling orders, each within the caller's visibility (OrderAccess). */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger('OrdersService');

  constructor(@InjectDb() private readonly db: OrdersDb, private readonly access: OrderAccess, private readonly nats: NatsClient, private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  async list(caller: CallerIdentity, query: OrderFilter & PageQuery): Promise<Page<OrderView>> {
    requirePermission(caller, 'orders:read');
    const limit = pageLimit(query);
    const filters: Prisma.OrderWhereInput[] = [
      await this.access.scope(caller),
      PLACED,
      ...(query.status ? [{ status: query.status }] : []),
      ...(query.storeId ? [{ storeId: query.storeId }] : []),
      ...(query.from ? [{ createdAt: { gte: new Date(query.from) } }] : []),
      ...(query.to ? [{ createdAt: { lt: new Date(query.to) } }] : []),
      newestFirstAfter(query.cursor) ?? {},
    ];
    const rows = await this.db.order.findMany({ where: { AND: filters }, include: { items: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toOrderView), limit, (o) => timeKeyOf(o.createdAt, o.id));
  }

  async get(caller: CallerIdentity, orderId: string): Promise<OrderView> {
    requirePermission(caller, 'orders:read');
    const row = await this.db.order.findFirst({ where: { AND: [{ id: orderId }, PLACED, await this.access.scope(caller)] }, include: { items: true, statusHistory: { orderBy: { createdAt: 'asc' } } } });
    if (!row) throw orderNotFound();
    return toOrderView(row);
  }

  /**
   * Status, history row and event commit together. Held stock is released after the commit:
   * release is idempotent per order, and should it fail the reservation expires and the
   * catalog's expiry job returns the units, so a cancel never waits on the catalog.
   */
  async cancel(caller: CallerIdentity, orderId: string, reason: string): Promise<OrderView> {
    requirePermission(caller, 'orders:update');
    const order = await this.db.order.findFirst({ where: { AND: [{ id: orderId }, PLACED, await this.access.scope(caller)] } });
    if (!order) throw orderNotFound();
    await this.uow.run(async (tx) => {
      await transition(tx, order, 'CANCELLED', caller.userId ?? null, reason);
      const event: OrderEvent = { orderId, orderCode: order.orderCode, orderNumber: order.orderNumber, status: 'CANCELLED', storeId: order.storeId, userId: order.userId, total: order.total.toFixed(2), currency: order.currency };
      await enqueueEvent(tx, OrdersEvents.OrderCancelled, { ...event, reason });
    });
    if (order.stockReserved) await this.releaseStock(caller, orderId);
    return this.get(caller, orderId);
  }

  private async releaseStock(caller: CallerIdentity, orderId: string): Promise<void> {
    try {
      await this.nats.request(CatalogSubjects.StockRelease, { orderId }, { caller });
      await this.db.order.update({ where: { id: orderId }, data: { stockReserved: false } });
    } catch (error) {
      this.logger.warn(`stock of cancelled order ${orderId} not released now (the reservation expiry returns it): ${(error as Error).message}`);
    }
  }
}
