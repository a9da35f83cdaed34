import { Prisma } from '@suite/db/fulfillment';
import { FulfillmentStatusService } from '../fulfillments/fulfillment-status.service';
import { fulfillmentFollowUp, SupplierOrderRow } from './supplier-order-rules';

/**
 * A supplier order placed for a fulfillment moves it, in the same transaction, through the one fulfillment
 * status path (FulfillmentStatusService: legal moves, items, FulfillmentStatusChanged in the outbox, FAILED
 * re-routes). A move the fulfillment's rules do not allow from where it is (late, repeated or backwards) is
 * skipped; the supplier order has moved all the same. A provider that skips a step (shipped straight from
 * submitted) takes a PENDING fulfillment through IN_PRODUCTION first, so every step is a legal one.
 */
export async function moveLinkedFulfillment(
  tx: Prisma.TransactionClient,
  statuses: FulfillmentStatusService,
  previousStatus: string,
  order: SupplierOrderRow,
  by: { source: 'API' | 'PROVIDER'; userId?: string | null },
): Promise<void> {
  if (!order.fulfillmentId || previousStatus === order.status) return;
  const next = fulfillmentFollowUp(order);
  if (!next) return;
  const who = { by: `supplier-order:${order.orderNumber}:${by.source}`, byUserId: by.userId ?? null };
  if (next.status === 'SHIPPED') await statuses.change(tx, order.fulfillmentId, { status: 'IN_PRODUCTION', ...who }, 'skip');
  await statuses.change(tx, order.fulfillmentId, { ...next, ...who }, 'skip');
}
