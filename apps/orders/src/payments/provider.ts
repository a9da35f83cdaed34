import { Prisma } from '@suite/db/orders';

/** What a payment provider says happened, after its signature was checked. */
export interface WebhookEvent {
  /** the provider's event id (for logs) */
  id: string;
  /** e.g. payment.paid, payment.failed; other types are acknowledged and ignored */
  type: string;
  /** the intent this event settles (what createPaymentIntent returned) */
  providerPaymentId: string;
  /** the gateway's transaction id: webhooks are idempotent on it (Payment.transactionId is unique) */
  transactionId: string;
  raw: Prisma.InputJsonValue;
}

export interface PaymentProvider {
  readonly name: string;
  createPaymentIntent(
    order: { id: string; orderCode: string; total: Prisma.Decimal; currency: string },
    method: string,
  ): Promise<{ providerPaymentId: string; checkoutUrl?: string | null }>;
  /** Throws unauthorized when the signature does not match the raw body. */
  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>): WebhookEvent;
  /**
   * Refunds at the provider. With a reference (one per refund decision, e.g. `return:<returnId>`), a repeated call
   * answers the refund already made for it instead of refunding again: a consumer's transaction that failed after the
   * provider's refund is retried safely.
   */
  refund(
    payment: { transactionId: string },
    amount: Prisma.Decimal,
    reason: string,
    reference?: string,
  ): Promise<{ providerRefundId: string }>;
}

/** Amounts cross provider APIs in the smallest unit (centavos); Decimal keeps the conversion exact. */
export const toCentavos = (amount: Prisma.Decimal): number => amount.mul(100).toDecimalPlaces(0).toNumber();
