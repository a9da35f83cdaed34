import { Injectable } from '@nestjs/common';
import { OnlinePaymentMethod, PaymentIntentView } from '@suite/contracts/orders';
import { OrdersDb } from '@suite/db/orders';
import { CallerIdentity, conflict, InjectDb, notFound } from '@suite/platform';
import { requirePermission } from '../access';
import { PaymongoProvider } from './paymongo.provider';

/** Starts an online payment of an order: its buyer asks, the provider makes the intent, a PENDING Payment records it. */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly paymongo: PaymongoProvider,
  ) {}

  async createIntent(caller: CallerIdentity, orderId: string, method: OnlinePaymentMethod): Promise<PaymentIntentView> {
    requirePermission(caller, 'orders:create');
    // only the order's own buyer pays it; anyone else's order is 404 like a missing one
    const order = caller.userId ? await this.db.order.findFirst({ where: { id: orderId, userId: caller.userId } }) : null;
    if (!order) throw notFound('ORDERS.ORDER_NOT_FOUND', 'No such order.', { errors: [{ field: 'id', messages: ['order not found'] }] });
    if (order.status !== 'PENDING' || order.paymentStatus !== 'PENDING') {
      throw conflict('ORDERS.ORDER_NOT_PAYABLE', `An order in ${order.status} with payment ${order.paymentStatus} cannot be paid.`, {
        status: order.status,
        paymentStatus: order.paymentStatus,
      });
    }
    // the provider first: should it refuse, no Payment row is left behind (an unpaid intent simply lapses)
    const intent = await this.paymongo.createPaymentIntent(order, method);
    const payment = await this.db.payment.create({
      data: {
        orderId,
        userId: order.userId,
        amount: order.total,
        currency: order.currency,
        status: 'PENDING',
        method,
        provider: this.paymongo.name,
        providerPaymentId: intent.providerPaymentId,
      },
    });
    return { paymentId: payment.id, checkoutUrl: intent.checkoutUrl ?? null };
  }
}
