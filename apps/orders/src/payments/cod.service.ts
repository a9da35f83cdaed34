import { Injectable } from '@nestjs/common';
import { CodConfirmationView, OrderPaid } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { CallerIdentity, conflict, enqueueEvent, InjectDb, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from '../orders/order-access';
import { orderEventPayload } from '../orders/order-event';
import { transition } from '../orders/order-status';
import { assertLedgerBalanced } from './ledger';

/**
 * Cash on delivery: no provider and no webhook, so staff confirm the cash was collected. That is
 * the COD order's payment: a PAID Payment (provider 'cod'), its PAYMENT row and the paid event,
 * all in one transaction, so refunds and the ledger treat it like any other payment.
 */
@Injectable()
export class CodService {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly access: OrderAccess,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async confirmCollected(caller: CallerIdentity, orderId: string): Promise<CodConfirmationView> {
    requirePermission(caller, 'payments:create');
    const order = await this.db.order.findFirst({
      where: { AND: [{ id: orderId }, await this.access.scope(caller)] },
      include: { items: true },
    });
    if (!order) throw notFound('ORDERS.ORDER_NOT_FOUND', 'No such order.', { errors: [{ field: 'id', messages: ['order not found'] }] });
    if (order.paymentMethod !== 'COD')
      throw conflict('ORDERS.NOT_CASH_ON_DELIVERY', 'The order is not paid cash on delivery.', { paymentMethod: order.paymentMethod });
    if (order.status === 'CANCELLED' || order.status === 'REFUNDED')
      throw conflict('ORDERS.ORDER_NOT_PAYABLE', `An order in ${order.status} cannot be paid.`, { status: order.status });
    const payment = await this.uow.run(async (tx) => {
      // conditional on PENDING: of two confirmations one wins, the other is 409
      const marked = await tx.order.updateMany({ where: { id: orderId, paymentStatus: 'PENDING' }, data: { paymentStatus: 'PAID' } });
      if (marked.count === 0) throw conflict('ORDERS.ALREADY_PAID', 'The order is already paid.', { orderId });
      const now = new Date();
      const created = await tx.payment.create({
        data: {
          orderId,
          userId: order.userId,
          amount: order.total,
          currency: order.currency,
          status: 'PAID',
          method: 'COD',
          provider: 'cod',
          processedAt: now,
        },
      });
      await tx.transaction.create({
        data: {
          orderId,
          paymentId: created.id,
          type: 'PAYMENT',
          amount: order.total,
          currency: order.currency,
          reference: `cod:${created.id}`,
          metadata: { collectedBy: caller.userId ?? null },
        },
      });
      await assertLedgerBalanced(tx, orderId);
      if (order.status === 'PENDING') await transition(tx, order, 'CONFIRMED', caller.userId ?? null, 'cash on delivery collected');
      const status = order.status === 'PENDING' ? 'CONFIRMED' : order.status;
      await enqueueEvent(tx, OrderPaid, {
        ...orderEventPayload({ ...order, status }),
        paymentId: created.id,
        amount: order.total.toFixed(2),
      });
      return created;
    });
    return { paymentId: payment.id, amount: payment.amount.toFixed(2), paymentStatus: 'PAID' };
  }
}
