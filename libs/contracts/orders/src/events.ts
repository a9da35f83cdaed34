import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsNumberString, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { ORDER_STATUSES, OrderStatusName } from './orders.dto';
import { OrdersEvents } from './subjects';

/**
 * Event payloads of the orders service: what the outbox writes and what consumers validate.
 * Fields are only ever added (optional) so older messages still validate; a breaking change gets a
 * new version. Money is a decimal string.
 */
/** One line of the order as fulfillment routes it. */
export class OrderEventItem {
  @IsUUID() orderItemId: string;
  @IsUUID() productId: string;
  /** catalog's variant (id and code) when the line is a variant of the product */
  @IsOptional() @IsUUID() systemVariantId?: string | null;
  @IsOptional() @IsString() systemVariantCode?: string | null;
  @IsOptional() @IsUUID() designId?: string | null;
  @IsOptional() @IsString() sku?: string | null;
  @IsInt() @Min(1) quantity: number;
}

/** Where the order ships. `country` is ISO 3166-1 alpha-2 when known, or the name the address carried. */
export class OrderShipTo {
  @IsString() country: string;
  @IsOptional() @IsString() province?: string | null;
  @IsOptional() @IsString() city?: string | null;
  @IsOptional() @IsString() postalCode?: string | null;
}

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
  /** The team owning the store (who may see the order's fulfillments). */
  @IsOptional() @IsUUID() teamId?: string | null;
  /** The lines, on placed and paid events (fulfillment routes them). */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => OrderEventItem) items?: OrderEventItem[];
  @IsOptional() @ValidateNested() @Type(() => OrderShipTo) shipTo?: OrderShipTo | null;
  /** A marketplace order (TikTok Shop, Shopify, ...): paid on the platform, ready to fulfil when placed. */
  @IsOptional() @IsBoolean() imported?: boolean;
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
