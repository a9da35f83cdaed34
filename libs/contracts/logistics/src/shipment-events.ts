import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { LogisticsEvents } from './subjects';

export const SHIPMENT_STATUSES = ['CREATED', 'DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED', 'LOST'] as const;
export type ShipmentStatusName = (typeof SHIPMENT_STATUSES)[number];

export class ShipmentEventItem {
  @IsUUID() orderItemId: string;
  @IsInt() @Min(1) quantity: number;
}

export class ProofOfDeliveryPayload {
  @IsOptional() @IsString() signedBy?: string | null;
  @IsOptional() @IsString() photoUrl?: string | null;
  @IsOptional() @IsString() signatureUrl?: string | null;
  @IsOptional() @IsString() location?: string | null;
  @IsDateString() receivedAt: string;
}

/**
 * A shipment moved to a new status. Orders moves the order (SHIPPED, DELIVERED); returns learns what
 * was delivered (and to whom) from the DELIVERED ones, so the owner fields travel with every change.
 */
export class ShipmentStatusChangedPayload {
  @IsUUID() shipmentId: string;
  @IsUUID() orderId: string;
  @IsOptional() @IsUUID() fulfillmentId?: string | null;
  /** The buyer (order's user) and the selling team/store, for ownership checks downstream. */
  @IsOptional() @IsString() userId?: string | null;
  @IsOptional() @IsUUID() teamId?: string | null;
  @IsOptional() @IsUUID() storeId?: string | null;
  @IsIn(SHIPMENT_STATUSES) status: ShipmentStatusName;
  @IsOptional() @IsIn(SHIPMENT_STATUSES) previousStatus?: ShipmentStatusName | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ShipmentEventItem) items: ShipmentEventItem[];
  @IsOptional() @IsString() carrier?: string | null;
  @IsOptional() @IsString() trackingNumber?: string | null;
  @IsDateString() occurredAt: string;
  @IsOptional() @ValidateNested() @Type(() => ProofOfDeliveryPayload) proofOfDelivery?: ProofOfDeliveryPayload | null;
}

export const ShipmentStatusChanged = {
  subject: LogisticsEvents.ShipmentStatusChanged,
  payload: ShipmentStatusChangedPayload,
  version: 1,
} as const;
