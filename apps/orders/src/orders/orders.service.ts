import { Injectable } from '@nestjs/common';
import { OrderCancelled, OrderEvent, OrderFilter, OrderView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import {
  CallerIdentity,
  enqueueEvent,
  InjectDb,
  newestFirstAfter,
  notFound,
  UnitOfWork,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from './order-access';
import { transition } from './order-status';
import { toOrderView } from './order-view';

/** An order whose checkout has not placed it yet (placedAt NULL) is invisible: it may still be cancelled by the saga. */
const PLACED: Prisma.OrderWhereInput = { placedAt: { not: null } };

const orderNotFound = () =>
  notFound('ORDERS.ORDER_NOT_FOUND', 'No such order.', { errors: [{ field: 'id', messages: ['order not found'] }] });

/** Reading and cancelling orders, each within the caller's visibility (OrderAccess). */
@Injectable()
export class OrdersService {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly access: OrderAccess,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

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
    const rows = await this.db.order.findMany({
      where: { AND: filters },
      include: { items: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toOrderView), limit, (o) => timeKeyOf(o.createdAt, o.id));
  }

  async get(caller: CallerIdentity, orderId: string): Promise<OrderView> {
    requirePermission(caller, 'orders:read');
    const row = await this.db.order.findFirst({
      where: { AND: [{ id: orderId }, PLACED, await this.access.scope(caller)] },
      include: { items: true, statusHistory: { orderBy: { createdAt: 'asc' } } },
    });
    if (!row) throw orderNotFound();
    return toOrderView(row);
  }

  /**
   * Status, history row and event commit together. Catalog releases the held stock when it
   * consumes the cancelled event, so a cancel never waits on the catalog and never loses the release.
   */
  async cancel(caller: CallerIdentity, orderId: string, reason: string): Promise<OrderView> {
    requirePermission(caller, 'orders:update');
    const order = await this.db.order.findFirst({ where: { AND: [{ id: orderId }, PLACED, await this.access.scope(caller)] } });
    if (!order) throw orderNotFound();
    await this.uow.run(async (tx) => {
      await transition(tx, order, 'CANCELLED', caller.userId ?? null, reason);
      if (order.stockReserved) await tx.order.update({ where: { id: orderId }, data: { stockReserved: false } });
      const event: OrderEvent = {
        orderId,
        orderCode: order.orderCode,
        orderNumber: order.orderNumber,
        status: 'CANCELLED',
        storeId: order.storeId,
        userId: order.userId,
        total: order.total.toFixed(2),
        currency: order.currency,
        paymentMethod: order.paymentMethod,
        stockReserved: order.stockReserved,
      };
      await enqueueEvent(tx, OrderCancelled, { ...event, reason });
    });
    return this.get(caller, orderId);
  }
}
