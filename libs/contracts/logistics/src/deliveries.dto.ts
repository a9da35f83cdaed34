import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const DELIVERY_QUOTATION_STATUSES = ['ACTIVE', 'EXPIRED', 'USED'] as const;
export type DeliveryQuotationStatus = (typeof DELIVERY_QUOTATION_STATUSES)[number];

/** Lalamove's order statuses, as its API and webhooks name them. */
export const DELIVERY_ORDER_STATUSES = [
  'ASSIGNING_DRIVER',
  'ON_GOING',
  'PICKED_UP',
  'COMPLETED',
  'CANCELED',
  'REJECTED',
  'EXPIRED',
] as const;
export type DeliveryOrderStatus = (typeof DELIVERY_ORDER_STATUSES)[number];

/** Lalamove takes 2 to 16 stops: the first is the pickup, the others drop-offs. */
export const MAX_DELIVERY_STOPS = 16;
const KEY = /^[A-Z0-9_]{2,40}$/;
const PHONE = /^\+?[0-9]{7,15}$/;

export class CoordinatesDto {
  @ApiProperty({ example: 14.5547 }) @Type(() => Number) @IsLatitude() lat: number;
  @ApiProperty({ example: 121.0244 }) @Type(() => Number) @IsLongitude() lng: number;
}

export class DeliveryStopDto {
  @ApiProperty({ type: CoordinatesDto }) @ValidateNested() @Type(() => CoordinatesDto) coordinates: CoordinatesDto;
  @ApiProperty({ example: 'Ayala Ave, Makati, Metro Manila' }) @IsString() @MinLength(3) @MaxLength(500) address: string;
}

/** What is carried: Lalamove's item keys (weight such as LESS_THAN_3_KG, categories, handling instructions). */
export class DeliveryItemDto {
  @ApiPropertyOptional({ example: '12' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,5}$/, { message: 'quantity must be 1-999999' })
  quantity?: string;
  @ApiPropertyOptional({ example: 'LESS_THAN_3_KG' })
  @IsOptional()
  @Matches(KEY, { message: 'weight must be a Lalamove weight key' })
  weight?: string;
  @ApiPropertyOptional({ example: ['FOOD_DELIVERY'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(KEY, { each: true, message: 'categories must be Lalamove category keys' })
  categories?: string[];
  @ApiPropertyOptional({ example: ['KEEP_UPRIGHT'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(KEY, { each: true, message: 'handlingInstructions must be Lalamove keys' })
  handlingInstructions?: string[];
}

export class CreateDeliveryQuotationDto {
  @ApiProperty({ example: 'MOTORCYCLE', description: 'A vehicle key of the city (MOTORCYCLE, SEDAN, MPV, VAN, TRUCK330...)' })
  @Matches(KEY, { message: 'serviceType must be a Lalamove vehicle key such as MOTORCYCLE' })
  serviceType: string;
  @ApiProperty({ type: [DeliveryStopDto], minItems: 2, maxItems: MAX_DELIVERY_STOPS, description: 'Pickup first, then drop-offs' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_DELIVERY_STOPS)
  @ValidateNested({ each: true })
  @Type(() => DeliveryStopDto)
  stops: DeliveryStopDto[];
  @ApiPropertyOptional({ type: DeliveryItemDto }) @IsOptional() @ValidateNested() @Type(() => DeliveryItemDto) item?: DeliveryItemDto;
  @ApiPropertyOptional({ format: 'date-time', description: 'A scheduled pickup (UTC, up to 30 days ahead); now when absent' })
  @IsOptional()
  @IsDateString()
  scheduleAt?: string;
  @ApiPropertyOptional({ example: ['DOOR_TO_DOOR'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(KEY, { each: true, message: 'specialRequests must be Lalamove keys' })
  specialRequests?: string[];
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isRouteOptimized?: boolean;
}

export class DeliveryContactDto {
  @ApiProperty({ example: 'Juan dela Cruz' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ example: '+639171234567' })
  @Matches(PHONE, { message: 'phone must be an international number such as +639171234567' })
  phone: string;
}

export class DeliveryRecipientDto extends DeliveryContactDto {
  @ApiPropertyOptional({ example: 'Leave at the guard house' }) @IsOptional() @IsString() @MaxLength(1000) remarks?: string;
}

export class PlaceDeliveryOrderDto {
  @ApiProperty({ example: '3223434523434545677', description: "Lalamove's quotationId of an ACTIVE quotation" })
  @Matches(/^[0-9A-Za-z_-]{1,40}$/, { message: 'quotationId must be a quotation id' })
  quotationId: string;
  @ApiProperty({ type: DeliveryContactDto }) @ValidateNested() @Type(() => DeliveryContactDto) sender: DeliveryContactDto;
  @ApiProperty({ type: [DeliveryRecipientDto], description: 'One per drop-off stop, in the order of the stops' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DELIVERY_STOPS - 1)
  @ValidateNested({ each: true })
  @Type(() => DeliveryRecipientDto)
  recipients: DeliveryRecipientDto[];
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isPODEnabled?: boolean;
  @ApiPropertyOptional({ example: 'MASH-2026-0042', description: 'Our order this delivery serves' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  orderReference?: string;
}

/** Combined with PageQuery. */
export class DeliveryQuotationFilter {
  @ApiPropertyOptional({ enum: DELIVERY_QUOTATION_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_QUOTATION_STATUSES)
  status?: DeliveryQuotationStatus;
}

export class DeliveryOrderFilter {
  @ApiPropertyOptional({ enum: DELIVERY_ORDER_STATUSES }) @IsOptional() @IsIn(DELIVERY_ORDER_STATUSES) status?: DeliveryOrderStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) driverId?: string;
}

export class StopView {
  @ApiPropertyOptional({ nullable: true }) stopId: string | null;
  @ApiProperty({ example: { lat: '14.5547', lng: '121.0244' } }) coordinates: { lat: string; lng: string };
  @ApiProperty() address: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() remarks?: string;
  @ApiPropertyOptional({ description: 'Proof of delivery of a drop-off (status, image, deliveredAt)' }) POD?: Record<string, unknown>;
}

export class DeliveryQuotationView {
  @ApiProperty() id: string;
  @ApiProperty({ description: "Lalamove's quotation id" }) quotationId: string;
  @ApiProperty() serviceType: string;
  @ApiProperty({ example: '133.00' }) totalPrice: string;
  @ApiProperty({ example: 'PHP' }) currency: string;
  @ApiProperty({ example: '12.725' }) distance: string;
  @ApiProperty({ example: 'km' }) distanceUnit: string;
  @ApiProperty({ type: [StopView] }) stops: StopView[];
  @ApiProperty() isScheduled: boolean;
  @ApiPropertyOptional({ nullable: true }) scheduleAt: string | null;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ enum: DELIVERY_QUOTATION_STATUSES, description: 'EXPIRED as soon as expiresAt has passed' })
  status: DeliveryQuotationStatus;
  @ApiPropertyOptional({ nullable: true }) userId: string | null;
  @ApiProperty({ description: "Lalamove's priceBreakdown (base, extraMileage, surcharge, total, currency...)" })
  priceBreakdown: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true }) item: Record<string, unknown> | null;
  @ApiProperty({ type: [String] }) specialRequests: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DriverView {
  @ApiProperty() driverId: string;
  @ApiPropertyOptional({ nullable: true }) name: string | null;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
  @ApiPropertyOptional({ nullable: true }) plateNumber: string | null;
  @ApiPropertyOptional({ nullable: true }) photo: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Last known position (live answers only)' })
  coordinates?: { lat: string; lng: string; updatedAt?: string } | null;
}

export class DeliveryProofView {
  @ApiProperty() isPODEnabled: boolean;
  @ApiPropertyOptional({ nullable: true, example: 'DELIVERED' }) podStatus: string | null;
  @ApiPropertyOptional({ nullable: true }) podImage: string | null;
  @ApiPropertyOptional({ nullable: true }) podSignature: string | null;
  @ApiPropertyOptional({ nullable: true }) deliveredAt: string | null;
}

export class DeliveryOrderView {
  @ApiProperty() id: string;
  @ApiProperty({ description: "Lalamove's order id (a string: 19 digits)" }) orderId: string;
  @ApiProperty() quotationId: string;
  @ApiProperty({ enum: DELIVERY_ORDER_STATUSES }) status: DeliveryOrderStatus;
  @ApiPropertyOptional({ nullable: true }) driverId: string | null;
  @ApiPropertyOptional({ type: DriverView, nullable: true }) driver: DriverView | null;
  @ApiProperty() shareLink: string;
  @ApiProperty({ example: '133.00' }) totalPrice: string;
  @ApiProperty() currency: string;
  @ApiProperty() distance: string;
  @ApiProperty() distanceUnit: string;
  @ApiProperty({ type: [StopView] }) stops: StopView[];
  @ApiProperty() isPODEnabled: boolean;
  @ApiPropertyOptional({ nullable: true }) podStatus: string | null;
  @ApiPropertyOptional({ nullable: true }) podImage: string | null;
  @ApiPropertyOptional({ nullable: true }) podSignature: string | null;
  @ApiPropertyOptional({ nullable: true }) podDeliveredAt: string | null;
  @ApiPropertyOptional({ nullable: true }) orderReference: string | null;
  @ApiPropertyOptional({ nullable: true }) userId: string | null;
  @ApiProperty({ description: 'When the current status happened at Lalamove' }) statusChangedAt: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** Lalamove's webhook as the gateway forwards it: the exact bytes and the path it was posted to (both signed). */
export class LalamoveWebhookRequest {
  @IsString() rawBody: string;
  @IsString() @MaxLength(500) path: string;
}

export class LalamoveWebhookResult {
  @ApiProperty() received: true;
  @ApiProperty({ description: 'false when the event was a repeat, of no interest, or would move the order backwards' }) applied: boolean;
}
