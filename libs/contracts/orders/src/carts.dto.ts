import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** A guest's cart key: the random `X-Session-Id` the frontend keeps. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
export const SESSION_ID_MESSAGE = 'X-Session-Id must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -';

/** Hard ceiling of one line; the product's own maxCartQty is checked by the orders service. */
export const MAX_LINE_QUANTITY = 10000;

export class AddCartItemDto {
  @ApiProperty() @IsUUID() productId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() variantId?: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_LINE_QUANTITY) quantity: number;
}

export class UpdateCartItemDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_LINE_QUANTITY) quantity: number;
}

export class MergeCartDto {
  @ApiProperty({ description: "The guest's X-Session-Id whose cart moves into the signed-in user's" })
  @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE })
  sessionId: string;
}

export class CartItemView {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiPropertyOptional({ nullable: true }) variantId: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Unit price when added (decimal string)' }) price: string;
  @ApiProperty() originalPrice: string;
  @ApiProperty() subtotal: string;
  @ApiProperty() discount: string;
  @ApiProperty() total: string;
  @ApiProperty({ description: '{ name, sku } when added' }) productSnapshot: unknown;
  @ApiProperty({ description: 'false while the product cannot be ordered; checkout refuses the cart until the line is removed' })
  isAvailable: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'Why the line cannot be ordered, for the buyer (e.g. the product was discontinued)' })
  notice: string | null;
}

export class CartView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['ACTIVE', 'COMPLETED', 'ABANDONED', 'EXPIRED', 'MERGED'] }) status: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: [CartItemView] }) items: CartItemView[];
  @ApiProperty() subtotal: string;
  @ApiProperty() tax: string;
  @ApiProperty() shipping: string;
  @ApiProperty() discount: string;
  @ApiProperty() total: string;
  @ApiPropertyOptional({ nullable: true }) mergedIntoId: string | null;
  @ApiProperty() lastActivityAt: string;
  @ApiProperty() createdAt: string;
}
