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

export const SUPPLIER_ORDER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'REJECTED',
  'IN_PRODUCTION',
  'SHIPPED',
  'RECEIVED',
  'CANCELLED',
] as const;
export type SupplierOrderStatus = (typeof SUPPLIER_ORDER_STATUSES)[number];

/** What a MANUAL factory's users may move their accepted order to through `update`. */
export const SUPPLIER_UPDATE_STATUSES = ['IN_PRODUCTION', 'SHIPPED'] as const;

const ORDER_NUMBER = /^[A-Z0-9][A-Z0-9-]{2,49}$/;
export const MAX_SUPPLIER_ORDER_ITEMS = 200;

export class SupplierOrderItemDto {
  @ApiProperty({ format: 'uuid', description: "One of the factory's supplier variants" }) @IsUUID() supplierVariantId: string;
  @ApiProperty({ minimum: 1, description: "At least the variant's minimumQuantity" })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;
}

export class CreateSupplierOrderDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() factoryId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The fulfillment it serves, when it serves one' })
  @IsOptional()
  @IsUUID()
  fulfillmentId?: string;
  @ApiPropertyOptional({ example: 'SO-20261202-0001', description: 'Unique; generated (SO-<date>-<random>) when absent' })
  @IsOptional()
  @IsString()
  @Matches(ORDER_NUMBER, { message: 'orderNumber must be 3-50 uppercase letters, digits and dashes' })
  orderNumber?: string;
  @ApiProperty({ type: [SupplierOrderItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SUPPLIER_ORDER_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => SupplierOrderItemDto)
  items: SupplierOrderItemDto[];
}

export class RejectSupplierOrderDto {
  @ApiProperty({ example: 'Out of black M blanks until next week' }) @IsString() @MinLength(1) @MaxLength(500) reason: string;
}

export class CancelSupplierOrderDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) reason?: string;
}

/** A MANUAL factory's progress report: status and/or the date it now expects, tracking when shipped. */
export class UpdateSupplierOrderDto {
  @ApiPropertyOptional({ enum: SUPPLIER_UPDATE_STATUSES }) @IsOptional() @IsIn(SUPPLIER_UPDATE_STATUSES) status?:
    'IN_PRODUCTION' | 'SHIPPED';
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() expectedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) trackingNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) carrier?: string;
}

/** Combined with PageQuery. */
export class SupplierOrderFilter {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() factoryId?: string;
  @ApiPropertyOptional({ enum: SUPPLIER_ORDER_STATUSES }) @IsOptional() @IsIn(SUPPLIER_ORDER_STATUSES) status?: SupplierOrderStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() fulfillmentId?: string;
}

export class SupplierOrderItemView {
  @ApiProperty() supplierVariantId: string;
  @ApiProperty() supplierVariantCode: string;
  @ApiProperty() systemVariantCode: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ example: '7.45' }) unitPrice: string;
  @ApiProperty({ example: '74.50' }) lineTotal: string;
}

export class SupplierOrderView {
  @ApiProperty() id: string;
  @ApiProperty() factoryId: string;
  @ApiPropertyOptional({ nullable: true }) fulfillmentId: string | null;
  @ApiProperty() orderNumber: string;
  @ApiProperty({ enum: SUPPLIER_ORDER_STATUSES }) status: SupplierOrderStatus;
  @ApiProperty({ type: [SupplierOrderItemView] }) items: SupplierOrderItemView[];
  @ApiPropertyOptional({ nullable: true, example: '74.50' }) total: string | null;
  @ApiPropertyOptional({ nullable: true, description: "The provider's order id once submitted through an adapter" })
  externalId: string | null;
  @ApiPropertyOptional({ nullable: true }) rejectionReason: string | null;
  @ApiPropertyOptional({ nullable: true }) trackingNumber: string | null;
  @ApiPropertyOptional({ nullable: true }) carrier: string | null;
  @ApiPropertyOptional({ nullable: true }) orderedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) expectedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) receivedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** A provider's webhook as the gateway forwards it: the exact bytes it signed and its signature headers. */
export class SupplierWebhookRequest {
  @IsString() @MaxLength(40) provider: string;
  @IsString() rawBody: string;
  @IsObject() headers: Record<string, string>;
}

export class SupplierWebhookResult {
  @ApiProperty() received: true;
  @ApiProperty({ description: 'false when the event was a repeat, unknown, or would move the order backwards' }) applied: boolean;
}
