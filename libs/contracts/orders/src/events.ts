import { IsArray, IsBoolean, IsIn, IsNumberString, IsOptional, IsString, IsUUID } from 'class-validator';
import { ORDER_STATUSES, OrderStatusName } from './orders.dto';
import { OrdersEvents } from './subjects';

/**
 * Event payloads of the orders service: what the outbox writes and what consumers validate.
 * Fields are only ever added (optional) so older messages still validate; a breaking change gets a
 * new version. Money is a decimal string.
 */
export class OrderEventPayload {
  @IsUUID() orderId: string;
  @IsString() orderCode: string;
  @IsString() orderNumber: string;
  @IsIn(ORDER_STATUSES) status: OrderStatusName;
  @IsOptional() @IsUUID() storeId: string | null;
  @IsOptional() @IsString() userId: string | null;
  @IsNumberString() total: string;
  @IsString() currency: string;
  /** COD, GCASH, ...; absent on imported marketplace orders. */
  @IsOptional() @IsString() paymentMethod?: string | null;
  /** True when the order holds a stock reservation in catalog (checkout); imported orders hold none. */
  @IsOptional() stockReserved?: boolean;
}

export class OrderCancelledPayload extends OrderEventPayload {
  @IsOptional() @IsString() reason?: string;
}

export class OrderPaidPayload extends OrderEventPayload {
  @IsUUID() paymentId: string;
  @IsNumberString() amount: string;
}

export class OrderRefundedPayload extends OrderEventPayload {
  @IsUUID() paymentId: string;
  @IsNumberString() amount: string;
  @IsNumberString() refundedAmount: string;
  /** PARTIALLY_REFUNDED or REFUNDED */
  @IsString() paymentStatus: string;
  /** Whether the goods had left (SHIPPED or later) when the money went back: catalog returns units to the shelf only if not. */
  @IsOptional() @IsBoolean() shipped?: boolean;
}

export const ORDER_HOLD_REASONS = ['STOCK_UNAVAILABLE'] as const;
export type OrderHoldReason = (typeof ORDER_HOLD_REASONS)[number];

/** The order cannot go on as it is: paid, but its stock is gone. Alerting notifies; a refund can follow. */
export class OrderOnHoldPayload extends OrderEventPayload {
  @IsIn(ORDER_HOLD_REASONS) reason: OrderHoldReason;
  @IsOptional() @IsArray() @IsUUID('all', { each: true }) productIds?: string[];
}

export const OrderPlaced = { subject: OrdersEvents.OrderPlaced, payload: OrderEventPayload, version: 1 } as const;
export const OrderPaid = { subject: OrdersEvents.OrderPaid, payload: OrderPaidPayload, version: 1 } as const;
export const OrderCancelled = { subject: OrdersEvents.OrderCancelled, payload: OrderCancelledPayload, version: 1 } as const;
export const OrderRefunded = { subject: OrdersEvents.OrderRefunded, payload: OrderRefundedPayload, version: 1 } as const;
export const OrderOnHold = { subject: OrdersEvents.OrderOnHold, payload: OrderOnHoldPayload, version: 1 } as const;
