import { DeliveryOrderStatus, DeliveryStatusChanged } from '@suite/contracts/logistics';
import { enqueueEvent, SqlExecutor } from '@suite/platform';
import { OrderRow } from './delivery-views';

/** The outbox row of a status change, written in the transaction that made it. */
export function deliveryStatusChanged(
  tx: SqlExecutor,
  order: OrderRow,
  previousStatus: DeliveryOrderStatus | null,
  source: 'API' | 'WEBHOOK',
): Promise<string> {
  const pod =
    order.status === 'COMPLETED' && (order.podStatus || order.podImage)
      ? {
          status: order.podStatus,
          imageUrl: order.podImage,
          signatureUrl: order.podSignature,
          deliveredAt: order.podDeliveredAt?.toISOString() ?? null,
        }
      : null;
  return enqueueEvent(tx, DeliveryStatusChanged, {
    deliveryOrderId: order.id,
    lalamoveOrderId: order.orderId,
    quotationId: order.quotationId,
    orderReference: order.orderReference,
    userId: order.userId,
    status: order.status as DeliveryOrderStatus,
    previousStatus,
    driverId: order.driverId,
    source,
    occurredAt: order.statusChangedAt.toISOString(),
    proofOfDelivery: pod,
  });
}
