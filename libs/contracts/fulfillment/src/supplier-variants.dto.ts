import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
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
import { IsMoney } from '@suite/contracts/catalog';

/** Catalog's system variant code: 5 characters of its alphabet (A-Z and 2-9 without the look-alikes I, L, O). */
export const SYSTEM_VARIANT_CODE = /^[A-HJKMNP-Z2-9]{5}$/;
const CODE_MESSAGE = { message: 'systemVariantCode must be a catalog variant code: 5 characters of A-Z and 2-9 without I, L, O' };
const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = { message: 'currency must be an ISO 4217 code such as USD' };
export const MAX_BULK_VARIANTS = 1000;

/** Query strings arrive as text: `?isAvailable=false` must mean false, not a truthy string. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The fields a factory states about one of its variants (everything but the factory and the code may change). */
class SupplierVariantFields {
  @ApiPropertyOptional({ format: 'uuid', description: "Catalog's system variant id, when known" })
  @IsOptional()
  @IsUUID()
  systemVariantId?: string;
  @ApiPropertyOptional({ example: 'USD', description: 'ISO 4217 code; USD when absent at creation' })
  @IsOptional()
  @Matches(CURRENCY, CURRENCY_MESSAGE)
  currency?: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) minimumQuantity?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Days' }) @IsOptional() @IsInt() @Min(0) @Max(365) leadTime?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isAvailable?: boolean;
  @ApiPropertyOptional({ example: 'DTG' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) printMethod?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) supplierSku?: string;
}

/** One row of a factory's mapping, without the factory (a bulk request names it once). */
export class SupplierVariantRowDto extends SupplierVariantFields {
  @ApiProperty({ example: 'K7WQ3' }) @IsString() @Matches(SYSTEM_VARIANT_CODE, CODE_MESSAGE) systemVariantCode: string;
  @ApiProperty({ example: 'BC3001' }) @IsString() @MinLength(1) @MaxLength(100) supplierProductCode: string;
  @ApiProperty({ example: 'BC3001-BLK-M' }) @IsString() @MinLength(1) @MaxLength(100) supplierVariantCode: string;
  @ApiProperty({ example: '7.45', description: 'Decimal string or number, at most 2 decimals' }) @IsMoney() supplierPrice: string | number;
}

export class CreateSupplierVariantDto extends SupplierVariantRowDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() factoryId: string;
}

export class UpdateSupplierVariantDto extends SupplierVariantFields {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) supplierProductCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) supplierVariantCode?: string;
  @ApiPropertyOptional({ example: '7.45' }) @IsOptional() @IsMoney() supplierPrice?: string | number;
}

export class BulkUpsertSupplierVariantsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() factoryId: string;
  @ApiProperty({ type: [SupplierVariantRowDto], maxItems: MAX_BULK_VARIANTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => SupplierVariantRowDto)
  variants: SupplierVariantRowDto[];
}

export class BulkUpsertResult {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
}

/** Combined with PageQuery: contracts/core's query is the page, this the filters. */
export class SupplierVariantFilter {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() factoryId?: string;
  @ApiPropertyOptional({ example: 'K7WQ3' }) @IsOptional() @Matches(SYSTEM_VARIANT_CODE, CODE_MESSAGE) systemVariantCode?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isAvailable?: boolean;
}

export class SupplierVariantView {
  @ApiProperty() id: string;
  @ApiProperty() factoryId: string;
  @ApiProperty() systemVariantCode: string;
  @ApiPropertyOptional({ nullable: true }) systemVariantId: string | null;
  @ApiProperty() supplierProductCode: string;
  @ApiProperty() supplierVariantCode: string;
  @ApiPropertyOptional({ nullable: true }) supplierSku: string | null;
  @ApiProperty({ example: '7.45', description: 'Decimal string, 2 places' }) supplierPrice: string;
  @ApiProperty() currency: string;
  @ApiProperty() minimumQuantity: number;
  @ApiProperty({ description: 'Days' }) leadTime: number;
  @ApiProperty() isAvailable: boolean;
  @ApiPropertyOptional({ nullable: true }) printMethod: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
