import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SHIPMENT_STATUSES, ShipmentStatusName } from './shipment-events';

export const TRACKING_PROVIDERS = ['AFTERSHIP', 'EASYPOST', 'MANUAL'] as const;
export type TrackingProviderName = (typeof TRACKING_PROVIDERS)[number];
/** The providers whose webhooks the gateway forwards (POST webhooks/tracking/<provider>, lower case). */
export const TRACKING_WEBHOOK_PROVIDERS = ['aftership', 'easypost'] as const;

const MONEY = /^\d{1,8}(\.\d{1,2})?$/;
const WEIGHT = /^\d{1,7}(\.\d{1,3})?$/;
const CURRENCY = /^[A-Z]{3}$/;
export const MAX_SHIPMENT_ITEMS = 200;

export class ShipmentFilter {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() fulfillmentId?: string;
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES }) @IsOptional() @IsIn(SHIPMENT_STATUSES) status?: ShipmentStatusName;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) carrier?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) trackingNumber?: string;
}

export class ShipmentItemDto {
  @ApiProperty({ format: 'uuid', description: "One of the order's items" }) @IsUUID() orderItemId: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000_000) quantity: number;
}

/** The carrier-side fields a shipment carries; all optional, set at creation or by staff later. */
export class ShipmentCarrierFields {
  @ApiPropertyOptional({ example: 'USPS' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) carrier?: string;
  @ApiPropertyOptional({ example: '9400111899223817612345' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,60}$/, { message: 'trackingNumber must be 4-60 letters, digits and dashes' })
  trackingNumber?: string;
  @ApiPropertyOptional({ example: 'Priority Mail' }) @IsOptional() @IsString() @MaxLength(100) service?: string;
  @ApiPropertyOptional({ description: 'The label in the file store (a key or a URL)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  labelRef?: string;
  @ApiPropertyOptional({ example: '7.95' })
  @IsOptional()
  @IsString()
  @Matches(MONEY, { message: 'cost must be a decimal amount like 7.95' })
  cost?: string;
  @ApiPropertyOptional({ example: 'USD' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code' })
  currency?: string;
  @ApiPropertyOptional({ example: '0.450' })
  @IsOptional()
  @IsString()
  @Matches(WEIGHT, { message: 'weight must be a decimal like 0.450' })
  weight?: string;
  @ApiPropertyOptional({ enum: ['g', 'kg', 'oz', 'lb'] }) @IsOptional() @IsIn(['g', 'kg', 'oz', 'lb']) weightUnit?: string;
  @ApiPropertyOptional({ enum: TRACKING_PROVIDERS, description: 'Who reports its tracking (webhooks and polls)' })
  @IsOptional()
  @IsIn(TRACKING_PROVIDERS)
  trackingProvider?: TrackingProviderName;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() estimatedDeliveryAt?: string;
}

/** A shipment the farm sends itself (a web-shop order): the order must be known to logistics. */
export class CreateShipmentDto extends ShipmentCarrierFields {
  @ApiProperty({ format: 'uuid' }) @IsUUID() orderId: string;
  @ApiProperty({ type: [ShipmentItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SHIPMENT_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ShipmentItemDto)
  items: ShipmentItemDto[];
}

export class UpdateShipmentDto extends ShipmentCarrierFields {}

export class UpdateShipmentStatusDto {
  @ApiProperty({ enum: SHIPMENT_STATUSES }) @IsIn(SHIPMENT_STATUSES) status: ShipmentStatusName;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened (now by default)' })
  @IsOptional()
  @IsDateString()
  occurredAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class AddShipmentLegDto {
  @ApiProperty({ example: 'LBC' }) @IsString() @MinLength(1) @MaxLength(100) carrier: string;
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,60}$/, { message: 'trackingNumber must be 4-60 letters, digits and dashes' })
  trackingNumber: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) service?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() handedOverAt?: string;
}

export class ProofOfDeliveryDto {
  @ApiPropertyOptional({ example: 'J. Santos' }) @IsOptional() @IsString() @MaxLength(200) signedBy?: string;
  @ApiPropertyOptional({ description: 'Photo in the file store' }) @IsOptional() @IsString() @MaxLength(500) photoRef?: string;
  @ApiPropertyOptional({ description: 'Signature image in the file store' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  signatureRef?: string;
  @ApiPropertyOptional({ example: 'Front door' }) @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiProperty({ format: 'date-time' }) @IsDateString() receivedAt: string;
}

export class ShipmentItemView {
  @ApiProperty() orderItemId: string;
  @ApiProperty() quantity: number;
}

export class ShipmentLegView {
  @ApiProperty() id: string;
  @ApiProperty() sequence: number;
  @ApiProperty() carrier: string;
  @ApiProperty() trackingNumber: string;
  @ApiPropertyOptional({ nullable: true }) service: string | null;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: ShipmentStatusName;
  @ApiPropertyOptional({ nullable: true }) carrierStatus: string | null;
  @ApiPropertyOptional({ nullable: true }) handedOverAt: string | null;
  @ApiPropertyOptional({ nullable: true }) completedAt: string | null;
}

export class ProofOfDeliveryView {
  @ApiPropertyOptional({ nullable: true }) signedBy: string | null;
  @ApiPropertyOptional({ nullable: true }) photoRef: string | null;
  @ApiPropertyOptional({ nullable: true }) signatureRef: string | null;
  @ApiPropertyOptional({ nullable: true }) location: string | null;
  @ApiProperty() receivedAt: string;
}

export class ShipmentView {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiPropertyOptional({ nullable: true }) fulfillmentId: string | null;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: ShipmentStatusName;
  @ApiPropertyOptional({ nullable: true, description: "The carrier's own latest status word" }) carrierStatus: string | null;
  @ApiPropertyOptional({ nullable: true }) carrier: string | null;
  @ApiPropertyOptional({ nullable: true }) trackingNumber: string | null;
  @ApiPropertyOptional({ nullable: true }) service: string | null;
  @ApiPropertyOptional({ nullable: true }) labelRef: string | null;
  @ApiPropertyOptional({ nullable: true, example: '7.95' }) cost: string | null;
  @ApiPropertyOptional({ nullable: true }) currency: string | null;
  @ApiPropertyOptional({ nullable: true, example: '0.450' }) weight: string | null;
  @ApiPropertyOptional({ nullable: true }) weightUnit: string | null;
  @ApiPropertyOptional({ enum: TRACKING_PROVIDERS, nullable: true }) trackingProvider: TrackingProviderName | null;
  @ApiProperty({ description: 'FULFILLMENT (opened by its SHIPPED event) or API' }) source: string;
  @ApiProperty({ type: [ShipmentItemView] }) items: ShipmentItemView[];
  @ApiProperty({ type: [ShipmentLegView] }) legs: ShipmentLegView[];
  @ApiPropertyOptional({ nullable: true }) estimatedDeliveryAt: string | null;
  @ApiPropertyOptional({ nullable: true }) dispatchedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) inTransitAt: string | null;
  @ApiPropertyOptional({ nullable: true }) outForDeliveryAt: string | null;
  @ApiPropertyOptional({ nullable: true }) deliveredAt: string | null;
  @ApiPropertyOptional({ nullable: true }) returnedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) lostAt: string | null;
  @ApiPropertyOptional({ type: ProofOfDeliveryView, nullable: true }) proofOfDelivery: ProofOfDeliveryView | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TrackingEventView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) legId: string | null;
  @ApiProperty({ enum: TRACKING_PROVIDERS }) provider: TrackingProviderName;
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES, nullable: true, description: 'null when the carrier word maps to no status' })
  status: ShipmentStatusName | null;
  @ApiProperty({ description: "The carrier's raw status (AfterShip tag, EasyPost status)" }) carrierStatus: string;
  @ApiPropertyOptional({ nullable: true }) carrierSubstatus: string | null;
  @ApiPropertyOptional({ nullable: true }) message: string | null;
  @ApiProperty() location: string;
  @ApiProperty({ description: 'UTC' }) occurredAt: string;
  @ApiProperty() receivedAt: string;
}

/** The public tracking page: no owners, no proof of delivery, no costs. */
export class PublicTrackingEventView {
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES, nullable: true }) status: ShipmentStatusName | null;
  @ApiProperty() carrierStatus: string;
  @ApiPropertyOptional({ nullable: true }) message: string | null;
  @ApiProperty() location: string;
  @ApiProperty() occurredAt: string;
}

export class PublicLegView {
  @ApiProperty() sequence: number;
  @ApiProperty() carrier: string;
  @ApiProperty() trackingNumber: string;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: ShipmentStatusName;
}

export class PublicTrackingView {
  @ApiProperty() trackingNumber: string;
  @ApiPropertyOptional({ nullable: true }) carrier: string | null;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: ShipmentStatusName;
  @ApiPropertyOptional({ nullable: true }) estimatedDeliveryAt: string | null;
  @ApiPropertyOptional({ nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: [PublicLegView] }) legs: PublicLegView[];
  @ApiProperty({ type: [PublicTrackingEventView] }) events: PublicTrackingEventView[];
}

/** A tracking provider's webhook as the gateway forwards it: the exact bytes it signed and its signature headers. */
export class TrackingWebhookRequest {
  @IsIn(TRACKING_WEBHOOK_PROVIDERS) provider: (typeof TRACKING_WEBHOOK_PROVIDERS)[number];
  @IsString() rawBody: string;
  @IsObject() headers: Record<string, string>;
}

export class TrackingWebhookResult {
  @ApiProperty() received: true;
  @ApiProperty({ description: 'false when the delivery was a repeat or names no shipment of ours' }) applied: boolean;
  @ApiProperty({ description: 'tracking events newly stored' }) stored: number;
}
