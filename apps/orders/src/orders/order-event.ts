import { toCountryCode } from '@suite/contracts/fulfillment';
import { OrderEventItem, OrderEventPayload, OrderShipTo } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/orders';
import { OrderRow } from './order-types';

type OrderItemRow = Prisma.OrderItemModel;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * Where an order ships, as fulfilment routes on it: the country as its ISO 3166-1 alpha-2 code when
 * the address's country is a code or an English name we know, else the name as written; null when
 * the address has no country at all. Checkout's and imports' address snapshots share these keys.
 */
export function shipToOf(address: Prisma.JsonValue | null | undefined): OrderShipTo | null {
  if (!address || typeof address !== 'object' || Array.isArray(address)) return null;
  const a = address as Record<string, unknown>;
  const country = text(a.country);
  if (!country) return null;
  return { country: toCountryCode(country) ?? country, province: text(a.state), city: text(a.city), postalCode: text(a.postalCode) };
}

/** The order's lines as fulfilment routes them. */
export const eventItems = (items: OrderItemRow[]): OrderEventItem[] =>
  items.map((i) => ({
    orderItemId: i.id,
    productId: i.productId,
    systemVariantId: i.systemVariantId,
    systemVariantCode: i.systemVariantCode,
    designId: i.designId,
    sku: i.sku,
    quantity: i.quantity,
  }));

/** Who knows more than orders does about the order, for its event: the store's team, a marketplace import. */
export interface OrderEventExtras {
  teamId?: string | null;
  imported?: boolean;
}

type EventOrder = Pick<
  OrderRow,
  | 'id'
  | 'orderCode'
  | 'orderNumber'
  | 'status'
  | 'storeId'
  | 'userId'
  | 'total'
  | 'currency'
  | 'paymentMethod'
  | 'stockReserved'
  | 'shippingAddress'
> & { items: OrderItemRow[] };

/** The payload of the order's placed and paid events: what catalog needs for stock, and what fulfilment routes on. */
export function orderEventPayload(order: EventOrder, extras: OrderEventExtras = {}): OrderEventPayload {
  return {
    orderId: order.id,
    orderCode: order.orderCode,
    orderNumber: order.orderNumber,
    status: order.status,
    storeId: order.storeId,
    userId: order.userId,
    total: order.total.toFixed(2),
    currency: order.currency,
    paymentMethod: order.paymentMethod,
    stockReserved: order.stockReserved,
    items: eventItems(order.items),
    shipTo: shipToOf(order.shippingAddress),
    ...(extras.teamId ? { teamId: extras.teamId } : {}),
    ...(extras.imported ? { imported: true } : {}),
  };
}
