import { Injectable, Logger } from '@nestjs/common';
import { SupplierOrderStatus, SupplierWebhookResult } from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import { decryptSecret, encryptionKey, InjectDb, isUniqueViolation, notFound, unauthorized, UnitOfWork } from '@suite/platform';
import { FulfillmentConfig } from '../config';
import { SupplierCredentials } from './adapters/supplier-adapter';
import { PRINTFUL_SIGNATURE_HEADER, verifyPrintfulSignature } from './adapters/printful-signature';
import { FulfillmentStatusService } from '../fulfillments/fulfillment-status.service';
import { moveLinkedFulfillment } from './linked-fulfillment';
import { readPrintfulEvent } from './printful-webhook';
import { statusChanged } from './supplier-order-rules';
import { providerMayMove } from './supplier-order-status';

/**
 * Supplier webhooks. The order the event names tells which factory's webhookSecret signs it; the
 * signature is checked before anything is written (a bad one is 401 and stores nothing). Each event id
 * is recorded once (SupplierWebhookEvent): a redelivery changes nothing and is still answered 200, and
 * a report that would move the order backwards is recorded but not applied. An applied report moves the
 * order's fulfillment in the same transaction (moveLinkedFulfillment).
 */
@Injectable()
export class SupplierWebhooksService {
  private readonly logger = new Logger('SupplierWebhooksService');
  private readonly key: Buffer;

  constructor(
    @InjectDb() private readonly db: FulfillmentDb,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    config: FulfillmentConfig,
    private readonly statuses: FulfillmentStatusService,
  ) {
    this.key = encryptionKey(config);
  }

  async handle(provider: string, rawBody: string, headers: Record<string, string | undefined>): Promise<SupplierWebhookResult> {
    if (provider !== 'printful') throw notFound('FULFILLMENT.SUPPLIER_PROVIDER_UNKNOWN', `No supplier provider ${provider}.`);
    const unverifiable = () => unauthorized('FULFILLMENT.WEBHOOK_SIGNATURE_INVALID', 'Webhook signature does not verify.');
    const event = readPrintfulEvent(rawBody);
    if (!event) throw unverifiable();
    const order = await this.db.supplierOrder.findFirst({
      where: {
        factory: { integration: 'PRINTFUL' },
        OR: [
          ...(event.orderNumber ? [{ orderNumber: event.orderNumber }] : []),
          ...(event.externalId ? [{ externalId: event.externalId }] : []),
        ],
      },
      include: { factory: { select: { credentials: true } } },
    });
    // no order of a Printful factory: nothing to verify the signature with, so nothing is trusted
    if (!order) throw unverifiable();
    const credentials: SupplierCredentials = order.factory.credentials
      ? JSON.parse(decryptSecret(order.factory.credentials, this.key))
      : {};
    verifyPrintfulSignature(rawBody, headers[PRINTFUL_SIGNATURE_HEADER], credentials.webhookSecret);
    if (event.externalId && order.externalId && event.externalId !== order.externalId) {
      this.logger.warn(`printful event ${event.eventId} names order ${order.orderNumber} with another Printful id: ignored`);
      return { received: true, applied: false };
    }
    try {
      return await this.uow.run(async (tx) => {
        await tx.supplierWebhookEvent.create({ data: { provider, eventId: event.eventId } });
        await tx.$queryRaw`SELECT id FROM supplier_orders WHERE id = ${order.id}::uuid FOR UPDATE`;
        const current = await tx.supplierOrder.findUniqueOrThrow({ where: { id: order.id } });
        const from = current.status as SupplierOrderStatus;
        if (!event.target || !providerMayMove(from, event.target)) return { received: true as const, applied: false };
        const data: Prisma.SupplierOrderUncheckedUpdateInput = { status: event.target };
        if (event.target === 'SHIPPED')
          Object.assign(data, { trackingNumber: event.trackingNumber ?? null, carrier: event.carrier ?? null });
        if (event.target === 'REJECTED' || event.target === 'CANCELLED') data.rejectionReason = event.reason ?? null;
        if (!current.externalId && event.externalId) data.externalId = event.externalId;
        const updated = await tx.supplierOrder.update({ where: { id: order.id }, data });
        await statusChanged(tx, from, updated, 'PROVIDER');
        await moveLinkedFulfillment(tx, this.statuses, from, updated, { source: 'PROVIDER' });
        return { received: true as const, applied: true };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { received: true, applied: false }; // the same event, delivered twice at once
      throw error;
    }
  }
}
