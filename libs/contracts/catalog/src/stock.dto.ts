import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';

export const RESERVATION_STATUSES = ['RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** One line of an order: a product, or one of its system variants, and how many units. */
export class ReserveStockItem {
  @ApiProperty() @IsUUID() productId: string;
  @ApiPropertyOptional({ description: 'Take the units from this system variant of the product' })
  @IsOptional()
  @IsUUID()
  variantId?: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) quantity: number;
}

/** Orders -> catalog on `catalog.stock.reserve`: every item or none. Idempotent per orderId. */
export class ReserveStockRequest {
  @ApiProperty() @IsUUID() orderId: string;
  @ApiProperty({ type: [ReserveStockItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReserveStockItem)
  items: ReserveStockItem[];
}

/** Orders -> catalog on `catalog.stock.confirm` and `catalog.stock.release`. */
export class StockOrderRef {
  @ApiProperty() @IsUUID() orderId: string;
}

export class ReservationLineView {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiPropertyOptional({ nullable: true }) variantId: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty({ enum: RESERVATION_STATUSES }) status: ReservationStatus;
  @ApiProperty() expiresAt: string;
}

/** The answer of reserve, confirm and release: the order's reservation lines as they now stand. */
export class StockReservationView {
  @ApiProperty() orderId: string;
  @ApiProperty({ type: [ReservationLineView] }) items: ReservationLineView[];
}

/** Payload of CatalogEvents.StockLow: the product's stock fell to its minStock or below. */
export interface StockLowEvent {
  productId: string;
  stock: number;
  minStock: number;
}
