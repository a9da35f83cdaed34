import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
// type only: events.ts imports ORDER_STATUSES from here, a value import back would be circular
import type { OrderHoldReason } from './events';

export const ORDER_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'REFUNDED',
  'ON_HOLD',
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

/** Gateway -> orders on `orders.order.import`: the marketplace's own order payload (the HTTP body), unchanged. */
export class ImportOrderRequest {
  @IsUUID() storeId: string;
  @IsObject() body: Record<string, unknown>;
}

/** Filters of `GET /orders` (with PageQuery). */
export class OrderFilter {
  @ApiPropertyOptional({ enum: ORDER_STATUSES }) @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatusName;
  @ApiPropertyOptional() @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ description: 'created at or after (ISO 8601)' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'created before (ISO 8601)' }) @IsOptional() @IsDateString() to?: string;
}

export class CancelOrderDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) reason: string;
}

export class OrderItemView {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiPropertyOptional({ nullable: true }) sku: string | null;
  @ApiProperty() name: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ example: '19.99' }) price: string;
  @ApiProperty({ example: '39.98' }) total: string;
  @ApiPropertyOptional({ nullable: true, description: "catalog's system variant of the line" }) systemVariantId?: string | null;
  @ApiPropertyOptional({ nullable: true, description: "the variant's 5-character code" }) systemVariantCode?: string | null;
  @ApiPropertyOptional({ nullable: true }) designId?: string | null;
  @ApiPropertyOptional({
    enum: ['PENDING', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED', 'FAILED'],
    description: "the fulfillment service's status of the line",
  })
  fulfillmentStatus?: string;
}

export class OrderStatusHistoryView {
  @ApiPropertyOptional({ enum: ORDER_STATUSES, nullable: true }) fromStatus: OrderStatusName | null;
  @ApiProperty({ enum: ORDER_STATUSES }) toStatus: OrderStatusName;
  @ApiPropertyOptional({ nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
  @ApiProperty() createdAt: string;
}

export class OrderView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'K7M2QX9TB' }) orderCode: string;
  @ApiProperty({ example: 'ORD-2026-000123' }) orderNumber: string;
  @ApiPropertyOptional({ nullable: true }) userId: string | null;
  @ApiPropertyOptional({ nullable: true }) storeId: string | null;
  @ApiProperty() channel: string;
  @ApiPropertyOptional({ nullable: true }) platformOrderId: string | null;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatusName;
  @ApiProperty() paymentStatus: string;
  @ApiProperty() subtotal: string;
  @ApiProperty() tax: string;
  @ApiProperty() shipping: string;
  @ApiProperty() discount: string;
  @ApiProperty() total: string;
  @ApiProperty() currency: string;
  @ApiProperty() shippingAddress: Record<string, unknown>;
  @ApiProperty() billingAddress: Record<string, unknown>;
  @ApiProperty() stockReserved: boolean;
  @ApiPropertyOptional({ nullable: true, example: 'STOCK_UNAVAILABLE', description: 'why the order is ON_HOLD' })
  holdReason: OrderHoldReason | null;
  @ApiPropertyOptional({ nullable: true }) placedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) cancelledAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ description: 'Guest checkouts: the email the guest gave (lower-cased)' }) guestEmail?: string;
  @ApiProperty({ type: [OrderItemView] }) items: OrderItemView[];
  @ApiPropertyOptional({ type: [OrderStatusHistoryView], description: 'on GET /orders/:id only' }) statusHistory?: OrderStatusHistoryView[];
}

/** Payload of OrdersEvents.Placed / Cancelled. */
/** @deprecated the payload class OrderEventPayload (events.ts) is what consumers validate against. */
export type OrderEvent = import('./events').OrderEventPayload;
