import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';

/** A product, or one of its system variants, whose current selling terms the orders service needs. */
export class ProductQuoteItem {
  @ApiProperty() @IsUUID() productId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() variantId?: string;
}

/** Orders -> catalog on `catalog.product.quote` (carts): unknown ids are simply absent from the answer. */
export class ProductQuoteRequest {
  @ApiProperty({ type: [ProductQuoteItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProductQuoteItem)
  items: ProductQuoteItem[];
}

export class ProductQuoteLine {
  @ApiProperty() productId: string;
  @ApiPropertyOptional({ nullable: true }) variantId: string | null;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) sku: string | null;
  @ApiProperty({ description: "Unit price as a decimal string; the variant's price when variantId is set" }) price: string;
  @ApiProperty({ description: "Units in stock; the variant's when variantId is set" }) stock: number;
  @ApiPropertyOptional({ nullable: true, description: 'Most units of this product in one cart (null: no limit)' }) maxCartQty:
    number | null;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'ACTIVE, not deleted, the variant active, stock > 0' }) isAvailable: boolean;
  /** The variant's 5-character code (what factories map their supplier variants to), when variantId is set. */
  @ApiPropertyOptional({ nullable: true }) variantCode?: string | null;
  /** The product's design (its default one, else the first linked), for fulfilment. */
  @ApiPropertyOptional({ nullable: true }) designId?: string | null;
}
