import { Prisma } from '@suite/db/orders';

// @suite/db/orders exports the client and the Prisma namespace only; the row and enum types are derived from it.
export type OrderRow = Prisma.OrderModel;
export type OrderStatus = OrderRow['status'];
export type OrderChannel = OrderRow['channel'];
export type PaymentStatus = OrderRow['paymentStatus'];
export type PaymentMethod = NonNullable<OrderRow['paymentMethod']>;
export type OrderWithDetails = OrderRow & { items: Prisma.OrderItemModel[]; statusHistory?: Prisma.OrderStatusHistoryModel[] };
