import { Injectable } from '@nestjs/common';
import { Prisma } from '@suite/db/orders';
import { AppError, unauthorized, unavailable } from '@suite/platform';
import { OrdersConfig } from '../config';
import { PaymentProvider, toCentavos, WebhookEvent } from './provider';
import { verifyPaymongoSignature } from './paymongo-signature';

/** Our payment methods as PayMongo's payment_method_allowed names. */
const METHODS: Record<string, string> = { GCASH: 'gcash', MAYA: 'paymaya', CREDIT_CARD: 'card', DEBIT_CARD: 'card' };

/** PayMongo (GCash, Maya, cards) over its REST API; the secret key authenticates as HTTP Basic user. */
@Injectable()
export class PaymongoProvider implements PaymentProvider {
  readonly name = 'paymongo';

  constructor(private readonly config: OrdersConfig) {}

  async createPaymentIntent(order: { id: string; orderCode: string; total: Prisma.Decimal; currency: string }, method: string) {
    const attributes = {
      amount: toCentavos(order.total),
      currency: order.currency,
      payment_method_allowed: [METHODS[method]],
      description: `Order ${order.orderCode}`,
      metadata: { orderId: order.id },
      capture_type: 'automatic',
    };
    const body = await this.post('/v1/payment_intents', { data: { attributes } });
    return {
      providerPaymentId: body.data.id as string,
      checkoutUrl: (body.data.attributes?.next_action?.redirect?.url as string | undefined) ?? null,
    };
  }

  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>): WebhookEvent {
    verifyPaymongoSignature(rawBody, headers['paymongo-signature'], this.config.PAYMONGO_WEBHOOK_SECRET, {
      live: this.config.PAYMONGO_SECRET_KEY.startsWith('sk_live_'),
    });
    try {
      const event = JSON.parse(rawBody).data;
      const payment = event.attributes.data;
      return {
        id: event.id,
        type: event.attributes.type,
        providerPaymentId: payment.attributes.payment_intent_id,
        transactionId: payment.id,
        raw: event,
      };
    } catch {
      // signed by PayMongo but not the shape we know: refuse rather than guess
      throw unauthorized('ORDERS.WEBHOOK_UNREADABLE', 'Webhook body is not a PayMongo payment event.');
    }
  }

  async refund(payment: { transactionId: string }, amount: Prisma.Decimal, reason: string, reference?: string) {
    if (reference) {
      // PayMongo keeps our metadata on the refund: a refund already made for this reference is the answer.
      const made = await this.send('GET', `/v1/refunds?payment_id=${encodeURIComponent(payment.transactionId)}&limit=100`);
      const existing = (made?.data ?? []).find((r: any) => r?.attributes?.metadata?.reference === reference);
      if (existing) return { providerRefundId: existing.id as string };
    }
    const attributes = {
      amount: toCentavos(amount),
      payment_id: payment.transactionId,
      reason: 'requested_by_customer',
      notes: reason.slice(0, 255),
      ...(reference ? { metadata: { reference } } : {}),
    };
    const body = await this.post('/v1/refunds', { data: { attributes } });
    return { providerRefundId: body.data.id as string };
  }

  private post(path: string, payload: unknown): Promise<any> {
    return this.send('POST', path, payload);
  }

  private async send(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<any> {
    const auth = Buffer.from(`${this.config.PAYMONGO_SECRET_KEY}:`).toString('base64');
    let response: Response;
    try {
      response = await fetch(new URL(path, this.config.PAYMONGO_BASE_URL), {
        method,
        headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(10000),
      });
    } catch (error) {
      throw unavailable('ORDERS.PAYMENT_PROVIDER_UNAVAILABLE', `PayMongo did not answer: ${(error as Error).message}`);
    }
    const body: any = await response.json().catch(() => ({}));
    if (!response.ok) {
      // PayMongo's errors[].detail says what it refused; the key never appears in it
      const detail = body?.errors?.map((e: { detail?: string }) => e.detail).join('; ') || `HTTP ${response.status}`;
      throw new AppError('unavailable', 'ORDERS.PAYMENT_PROVIDER_REJECTED', `PayMongo refused the request: ${detail}`, undefined, 502);
    }
    return body;
  }
}
