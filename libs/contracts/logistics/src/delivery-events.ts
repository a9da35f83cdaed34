import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { DELIVERY_ORDER_STATUSES, DeliveryOrderStatus } from './deliveries.dto';
import { LogisticsEvents } from './subjects';

export class DeliveryProofPayload {
  @IsOptional() @IsString() status?: string | null;
  @IsOptional() @IsString() imageUrl?: string | null;
  @IsOptional() @IsString() signatureUrl?: string | null;
  @IsOptional() @IsDateString() deliveredAt?: string | null;
}

/**
 * A Lalamove delivery moved to a new status (its first, ASSIGNING_DRIVER, when placed). Alerting and
 * analytics follow deliveries with it; orderReference names the shop order it serves, when it serves one.
 */
export class DeliveryStatusChangedPayload {
  @IsUUID() deliveryOrderId: string;
  /** Lalamove's order id (a string of up to 19+ digits). */
  @IsString() lalamoveOrderId: string;
  @IsString() quotationId: string;
  @IsOptional() @IsString() orderReference?: string | null;
  @IsOptional() @IsString() userId?: string | null;
  @IsIn(DELIVERY_ORDER_STATUSES) status: DeliveryOrderStatus;
  @IsOptional() @IsIn(DELIVERY_ORDER_STATUSES) previousStatus?: DeliveryOrderStatus | null;
  @IsOptional() @IsString() driverId?: string | null;
  @IsIn(['API', 'WEBHOOK']) source: 'API' | 'WEBHOOK';
  @IsDateString() occurredAt: string;
  @IsOptional() @ValidateNested() @Type(() => DeliveryProofPayload) proofOfDelivery?: DeliveryProofPayload | null;
}

export const DeliveryStatusChanged = {
  subject: LogisticsEvents.DeliveryStatusChanged,
  payload: DeliveryStatusChangedPayload,
  version: 1,
} as const;
