import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, NotEquals } from 'class-validator';

export const INVENTORY_TYPES = ['ON_HAND', 'RESERVED', 'IN_TRANSIT', 'DAMAGED'] as const;
export type InventoryTypeName = (typeof INVENTORY_TYPES)[number];
export const MOVEMENT_TYPES = ['RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'TRANSFER', 'RETURN', 'DAMAGE'] as const;
export type MovementTypeName = (typeof MOVEMENT_TYPES)[number];

const MAX_QUANTITY = 1_000_000;

/**
 * One movement of blanks at a location. quantity is positive, except for an ADJUSTMENT, which is signed
 * (and not 0). RECEIPT and RETURN add to ON_HAND, SHIPMENT takes from it, DAMAGE moves ON_HAND to DAMAGED,
 * TRANSFER moves ON_HAND to toLocationId (another location of the same factory), ADJUSTMENT corrects
 * inventoryType (ON_HAND unless given). No movement may take a quantity below zero (409 naming quantity).
 */
export class CreateInventoryMovementDto {
  @ApiProperty() @IsUUID() locationId: string;
  @ApiProperty({ example: 'BC3001-BLK-M', description: "The blank's code (usually the supplier variant code)" })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  itemCode: string;
  @ApiProperty({ enum: MOVEMENT_TYPES }) @IsIn(MOVEMENT_TYPES) type: MovementTypeName;
  @ApiProperty({ description: 'Units; positive, or signed (not 0) for an ADJUSTMENT' })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_QUANTITY)
  @Max(MAX_QUANTITY)
  quantity: number;
  @ApiPropertyOptional({ description: 'TRANSFER only: the receiving location, of the same factory' })
  @IsOptional()
  @IsUUID()
  toLocationId?: string;
  @ApiPropertyOptional({ enum: INVENTORY_TYPES, description: 'ADJUSTMENT only: the stock corrected (ON_HAND by default)' })
  @IsOptional()
  @IsIn(INVENTORY_TYPES)
  inventoryType?: InventoryTypeName;
  @ApiPropertyOptional({ description: 'Free text: a supplier order number, a shipment, a count sheet' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class InventoryFilter {
  @ApiPropertyOptional() @IsOptional() @IsUUID() locationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(128) itemCode?: string;
}

export class InventoryMovementFilter extends InventoryFilter {
  @ApiPropertyOptional({ enum: MOVEMENT_TYPES }) @IsOptional() @IsIn(MOVEMENT_TYPES) type?: MovementTypeName;
}

/** One blank at one location: its quantity of each InventoryType. */
export class InventoryStockView {
  @ApiProperty() locationId: string;
  @ApiProperty() factoryId: string;
  @ApiProperty() itemCode: string;
  @ApiProperty() onHand: number;
  @ApiProperty() reserved: number;
  @ApiProperty() inTransit: number;
  @ApiProperty() damaged: number;
}

export class InventoryMovementView {
  @ApiProperty() id: string;
  @ApiProperty() locationId: string;
  @ApiProperty() itemCode: string;
  @ApiProperty({ enum: MOVEMENT_TYPES }) type: MovementTypeName;
  @ApiProperty({ description: 'What the movement did to toType (and the opposite to fromType)' }) quantity: number;
  @ApiPropertyOptional({ enum: INVENTORY_TYPES, nullable: true }) fromType: InventoryTypeName | null;
  @ApiPropertyOptional({ enum: INVENTORY_TYPES, nullable: true }) toType: InventoryTypeName | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reference: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() createdAt: string;
}

/** The movements written (two for a TRANSFER: out of one location, into the other) and the stock they left. */
export class InventoryMovementResultView {
  @ApiProperty({ type: [InventoryMovementView] }) movements: InventoryMovementView[];
  @ApiProperty({ type: [InventoryStockView] }) stock: InventoryStockView[];
}
