import { Injectable, Logger } from '@nestjs/common';
import { OrderPaid } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { enqueueEvent, InjectDb, isUniqueViolation, notFound, UnitOfWork } from '@suite/platform';
import { orderEventPayload } from '../orders/order-event';
import { transition } from '../orders/order-status';
import { assertLedgerBalanced } from './ledger';
import { PaymongoProvider } from './paymongo.provider';
import { PaymentProvider, WebhookEvent } from './provider';

type Outcome = { received: true; applied: boolean };

/**
 * Provider webhooks. The signature is checked before anything is read; every change is keyed on the
 * gateway's transaction id, so a redelivered event changes nothing and is still answered 200
 * (a non-2xx would make the provider retry forever).
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger('WebhooksService');

  constructor(
    @InjectDb() private readonly db: OrdersDb,
    paymongo: PaymongoProvider,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {
    this.providers = { [paymongo.name]: paymongo };
  }

  private readonly providers: Record<string, PaymentProvider>;

  async handle(providerName: string, rawBody: string, headers: Record<string, string | undefined>): Promise<Outcome> {
    const provider = this.providers[providerName];
    if (!provider) throw notFound('ORDERS.PAYMENT_PROVIDER_UNKNOWN', `No payment provider ${providerName}.`);
    const event = provider.verifyWebhook(rawBody, headers);
    if (event.type !== 'payment.paid' && event.type !== 'payment.failed') return { received: true, applied: false };
    if (await this.db.payment.findUnique({ where: { transactionId: event.transactionId } })) return { received: true, applied: false };
    const payment = await this.db.payment.findUnique({
      where: { provider_providerPaymentId: { provider: provider.name, providerPaymentId: event.providerPaymentId } },
    });
    if (!payment?.orderId) {
      this.logger.warn(`${provider.name} event ${event.id} for unknown intent ${event.providerPaymentId}: acknowledged, ignored`);
      return { received: true, applied: false };
    }
    try {
      const applied =
        event.type === 'payment.paid' ? await this.paid(payment, payment.orderId, event) : await this.failed(payment.id, event);
      return { received: true, applied };
    } catch (error) {
      if (isUniqueViolation(error)) return { received: true, applied: false }; // the same event, delivered twice at once
      throw error;
    }
  }

  private async paid(
    payment: { id: string; amount: Prisma.Decimal; currency: string },
    orderId: string,
    event: WebhookEvent,
  ): Promise<boolean> {
    const order = await this.uow.run(async (tx) => {
      const settled = await tx.payment.updateMany({
        where: { id: payment.id, status: { in: ['PENDING', 'PROCESSING', 'FAILED'] } },
        data: {
          status: 'PAID',
          transactionId: event.transactionId,
          processedAt: new Date(),
          failedAt: null,
          gatewayResponse: { event: event.raw },
        },
      });
      if (settled.count === 0) return null;
      await tx.transaction.create({
        data: {
          orderId,
          paymentId: payment.id,
          type: 'PAYMENT',
          amount: payment.amount,
          currency: payment.currency,
          reference: event.transactionId,
        },
      });
      const current = await tx.order.update({ where: { id: orderId }, data: { paymentStatus: 'PAID' }, include: { items: true } });
      await assertLedgerBalanced(tx, orderId);
      if (current.status === 'PENDING') await transition(tx, current, 'CONFIRMED', null, `payment ${event.transactionId} paid`);
      // Catalog confirms the order's held stock from this event (taking it again if the reservation expired).
      // Fulfilment routes the paid order from it too (its lines and ship-to).
      await enqueueEvent(tx, OrderPaid, {
        ...orderEventPayload({ ...current, status: current.status === 'PENDING' ? 'CONFIRMED' : current.status }),
        paymentId: payment.id,
        amount: payment.amount.toFixed(2),
      });
      return current;
    });
    if (!order) return false;
    return true;
  }

  /** A failed attempt only marks the payment; the order stays PENDING so the buyer can pay again. */
  private async failed(paymentId: string, event: WebhookEvent): Promise<boolean> {
    const marked = await this.db.payment.updateMany({
      where: { id: paymentId, status: { in: ['PENDING', 'PROCESSING'] } },
      data: { status: 'FAILED', failedAt: new Date(), transactionId: event.transactionId },
    });
    return marked.count > 0;
  }
}
