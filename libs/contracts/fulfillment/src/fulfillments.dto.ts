import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { FULFILLMENT_STATUSES, FulfillmentStatusName } from './events';

export const HOLD_REASONS = ['AWAITING_PAYMENT', 'DESIGN_NOT_READY', 'NO_FACTORY', 'CAPACITY', 'ADDRESS', 'MANUAL', 'OTHER'] as const;
export type HoldReasonName = (typeof HOLD_REASONS)[number];
export const ROUTING_OUTCOMES = ['ROUTED', 'HELD', 'MANUAL_QUEUE', 'REROUTED'] as const;

export class FulfillmentFilter {
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() factoryId?: string;
  @ApiPropertyOptional({ enum: FULFILLMENT_STATUSES }) @IsOptional() @IsIn(FULFILLMENT_STATUSES) status?: FulfillmentStatusName;
}

export class FulfillmentItemView {
  @ApiProperty() id: string;
  @ApiProperty() orderItemId: string;
  @ApiPropertyOptional({ nullable: true }) productId: string | null;
  @ApiPropertyOptional({ nullable: true }) systemVariantId: string | null;
  @ApiPropertyOptional({ nullable: true }) systemVariantCode: string | null;
  @ApiPropertyOptional({ nullable: true }) designId: string | null;
  @ApiPropertyOptional({ nullable: true }) printMethod: string | null;
  @ApiPropertyOptional({ nullable: true }) supplierVariantId: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty({ enum: FULFILLMENT_STATUSES }) status: FulfillmentStatusName;
}

export class FulfillmentHoldView {
  @ApiProperty() id: string;
  @ApiProperty() fulfillmentId: string;
  @ApiProperty({ enum: HOLD_REASONS }) reason: HoldReasonName;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'null when the system set it' }) setById: string | null;
  @ApiPropertyOptional({ nullable: true }) releasedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) releasedById: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'API, or the event that lifted it' }) releasedBy: string | null;
  @ApiProperty() createdAt: string;
}

export class ShipToView {
  @ApiProperty() country: string;
  @ApiPropertyOptional({ nullable: true }) province?: string | null;
  @ApiPropertyOptional({ nullable: true }) city?: string | null;
  @ApiPropertyOptional({ nullable: true }) postalCode?: string | null;
}

export class FulfillmentView {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiPropertyOptional({ nullable: true }) orderCode: string | null;
  @ApiPropertyOptional({ nullable: true }) storeId: string | null;
  @ApiPropertyOptional({ nullable: true }) teamId: string | null;
  @ApiPropertyOptional({ nullable: true }) factoryId: string | null;
  @ApiPropertyOptional({ nullable: true }) locationId: string | null;
  @ApiProperty({ enum: FULFILLMENT_STATUSES }) status: FulfillmentStatusName;
  @ApiPropertyOptional({ nullable: true }) trackingNumber: string | null;
  @ApiPropertyOptional({ nullable: true }) carrier: string | null;
  @ApiPropertyOptional({ type: ShipToView, nullable: true }) shipTo: ShipToView | null;
  @ApiPropertyOptional({ nullable: true }) shippedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) deliveredAt: string | null;
  @ApiPropertyOptional({ nullable: true }) failureReason: string | null;
  @ApiProperty({ type: [FulfillmentItemView] }) items: FulfillmentItemView[];
  @ApiProperty({ type: [FulfillmentHoldView], description: 'holds not yet released' }) openHolds: FulfillmentHoldView[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class RoutingCandidateView {
  @ApiProperty() factoryId: string;
  @ApiProperty() code: string;
  @ApiPropertyOptional({
    description:
      'why it was not chosen: INACTIVE, NO_VARIANT, VARIANT_UNAVAILABLE, PRINT_METHOD, RULE_FILTER, NO_ZONE, NO_STOCK, CAPACITY, EXCLUDED',
  })
  rejected?: string;
  @ApiPropertyOptional({ description: '1 = chosen' }) rank?: number;
  @ApiPropertyOptional({ nullable: true, description: 'supplier price of the items, decimal string' }) price: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'days' }) leadTime: number | null;
  @ApiPropertyOptional({ nullable: true }) qualityRating: number | null;
  @ApiProperty() isPrimary: boolean;
}

export class RoutingDecisionView {
  @ApiProperty() id: string;
  @ApiProperty() fulfillmentId: string;
  @ApiProperty({ enum: ROUTING_OUTCOMES }) outcome: string;
  @ApiPropertyOptional({ nullable: true, description: 'null: the default rule' }) ruleId: string | null;
  @ApiProperty() ruleName: string;
  @ApiPropertyOptional({ nullable: true }) factoryId: string | null;
  @ApiPropertyOptional({ nullable: true }) reason: string | null;
  @ApiProperty({ type: [RoutingCandidateView] }) candidates: RoutingCandidateView[];
  @ApiProperty() decidedAt: string;
}

export class UpdateFulfillmentStatusDto {
  @ApiProperty({ enum: FULFILLMENT_STATUSES }) @IsIn(FULFILLMENT_STATUSES) status: FulfillmentStatusName;
  @ApiPropertyOptional({ description: 'required for SHIPPED' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  trackingNumber?: string;
  @ApiPropertyOptional({ description: 'required for SHIPPED' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) carrier?: string;
  @ApiPropertyOptional({ description: 'required for FAILED' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(500) reason?: string;
}

export class CreateHoldDto {
  @ApiProperty({ enum: HOLD_REASONS }) @IsIn(HOLD_REASONS) reason: HoldReasonName;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}
