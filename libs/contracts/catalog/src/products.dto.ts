import { PageQuery } from '@suite/contracts/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

export const PRODUCT_STATUSES = ['DRAFT', 'ACTIVE', 'DISCONTINUED', 'OUT_OF_STOCK'] as const;
export type ProductStatusName = (typeof PRODUCT_STATUSES)[number];
export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Decimal(10,2): at most 8 integer digits and 2 decimals, never negative. */
const MONEY = /^\d{1,8}(\.\d{1,2})?$/;
export const isMoney = (value: unknown): boolean =>
  (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) && MONEY.test(String(value));

/** Money arrives as a decimal string ("19.99") or a number with at most 2 decimals; a float is never stored. */
export const IsMoney = () =>
  ValidateBy({
    name: 'isMoney',
    validator: { validate: isMoney, defaultMessage: (a) => `${a?.property} must be a non-negative amount with at most 2 decimals` },
  });

/** Query strings arrive as text: `?featured=false` must mean false, not a truthy string. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class DimensionsDto {
  @ApiProperty() @IsNumber() @Min(0) length: number;
  @ApiProperty() @IsNumber() @Min(0) width: number;
  @ApiProperty() @IsNumber() @Min(0) height: number;
}

/** The optional fields of a product (name and price are required at creation, so they are declared per DTO). */
class ProductFields {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) sku?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsMoney() basePrice?: string | number;
  @ApiPropertyOptional() @IsOptional() @IsMoney() comparePrice?: string | number;
  @ApiPropertyOptional() @IsOptional() @IsMoney() costPrice?: string | number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) stock?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) minStock?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) maxCartQty?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) weight?: number;
  @ApiPropertyOptional({ type: DimensionsDto }) @IsOptional() @ValidateNested() @Type(() => DimensionsDto) dimensions?: DimensionsDto;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  images?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsObject() attributes?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) categoryIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) seoTitle?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) seoDescription?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isFeatured?: boolean;
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES }) @IsOptional() @IsIn(PRODUCT_STATUSES) status?: ProductStatusName;
}

/** Every field a seller may change; the store is fixed at creation. */
export class UpdateProductDto extends ProductFields {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: '19.99' }) @IsOptional() @IsMoney() price?: string | number;
}

export class CreateProductDto extends ProductFields {
  @ApiProperty() @IsUUID() storeId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: '19.99' }) @IsMoney() price: string | number;
}

/** Cursor and limit from PageQuery, plus the catalog filters. */
export class ProductListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES }) @IsOptional() @IsIn(PRODUCT_STATUSES) status?: ProductStatusName;
  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() featured?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsMoney() minPrice?: string;
  @ApiPropertyOptional() @IsOptional() @IsMoney() maxPrice?: string;
  @ApiPropertyOptional({ description: 'Only products with stock <= minStock' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  lowStock?: boolean;
  @ApiPropertyOptional({ enum: PRODUCT_SORTS, default: 'newest' }) @IsOptional() @IsIn(PRODUCT_SORTS) sort?: ProductSort;
}

export class ProductView {
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiPropertyOptional({ nullable: true }) sku: string | null;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty({ example: '19.99' }) price: string;
  @ApiPropertyOptional({ nullable: true }) basePrice: string | null;
  @ApiPropertyOptional({ nullable: true }) comparePrice: string | null;
  @ApiPropertyOptional({ nullable: true }) costPrice: string | null;
  @ApiProperty() stock: number;
  @ApiProperty() minStock: number;
  @ApiPropertyOptional({ nullable: true }) maxCartQty: number | null;
  @ApiPropertyOptional({ nullable: true }) weight: number | null;
  @ApiPropertyOptional({ nullable: true, type: DimensionsDto }) dimensions: DimensionsDto | null;
  @ApiProperty({ type: [String] }) images: string[];
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({ nullable: true }) attributes: Record<string, unknown> | null;
  @ApiProperty({ type: [String] }) categoryIds: string[];
  @ApiPropertyOptional({ nullable: true }) seoTitle: string | null;
  @ApiPropertyOptional({ nullable: true }) seoDescription: string | null;
  @ApiProperty() isFeatured: boolean;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status: ProductStatusName;
  @ApiProperty({ example: '4.50' }) ratingAverage: string;
  @ApiProperty() ratingCount: number;
  @ApiProperty() isDeleted: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
