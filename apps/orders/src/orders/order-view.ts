import { OrderStatusName, OrderView } from '@suite/contracts/orders';
import { OrderWithDetails } from './order-types';

/** Money leaves as "19.99" strings: Decimal must not become a float on the way out. */
export function toOrderView(o: OrderWithDetails): OrderView {
  return {
    id: o.id,
    orderCode: o.orderCode,
    orderNumber: o.orderNumber,
    userId: o.userId,
    storeId: o.storeId,
    channel: o.channel,
    platformOrderId: o.platformOrderId,
    status: o.status as OrderStatusName,
    paymentStatus: o.paymentStatus,
    subtotal: o.subtotal.toFixed(2),
    tax: o.tax.toFixed(2),
    shipping: o.shipping.toFixed(2),
    discount: o.discount.toFixed(2),
    total: o.total.toFixed(2),
    currency: o.currency,
    shippingAddress: o.shippingAddress as Record<string, unknown>,
    billingAddress: o.billingAddress as Record<string, unknown>,
    stockReserved: o.stockReserved,
    holdReason: o.holdReason as OrderView['holdReason'],
    placedAt: o.placedAt?.toISOString() ?? null,
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    ...(o.guestEmail ? { guestEmail: o.guestEmail } : {}),
    items: o.items.map((i) => ({
      id: i.id,
      productId: i.productId,
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      price: i.price.toFixed(2),
      total: i.total.toFixed(2),
      systemVariantId: i.systemVariantId,
      systemVariantCode: i.systemVariantCode,
      designId: i.designId,
      fulfillmentStatus: i.fulfillmentStatus,
    })),
    ...(o.statusHistory
      ? {
          statusHistory: o.statusHistory.map((h) => ({
            fromStatus: h.fromStatus as OrderStatusName | null,
            toStatus: h.toStatus as OrderStatusName,
            actorId: h.actorId,
            reason: h.reason,
            createdAt: h.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}
