import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';

export const SUPPLIER_TYPES = ['MANUFACTURER', 'PRINTER', 'DISTRIBUTOR', 'FULFILLMENT_CENTER'] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];
export const FACTORY_INTEGRATIONS = ['MANUAL', 'PRINTFUL'] as const;
export type FactoryIntegration = (typeof FACTORY_INTEGRATIONS)[number];
export const LOCATION_TYPES = ['PRODUCTION', 'WAREHOUSE', 'OFFICE'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/** Query strings arrive as text: `?isActive=false` must mean false, not a truthy string. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const MAX_TAGS = 50;
const TAG_LENGTH = 64;
const FACTORY_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const RATING = /^\d(?:\.\d{1,2})?$/;

/** 0 to 5 with at most two decimals, as a number or a decimal string ("4.5"). */
export function IsQualityRating(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isQualityRating',
      validator: {
        validate: (value: unknown) => {
          const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
          return typeof text === 'string' && RATING.test(text) && Number(text) >= 0 && Number(text) <= 5;
        },
        defaultMessage: () => 'qualityRating must be between 0 and 5 with at most two decimals (a number or a decimal string)',
      },
    },
    options,
  );
}

/** The adapter's secrets: only these two keys, non-empty strings. Written, never read back. */
export function IsFactoryCredentials(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFactoryCredentials',
      validator: {
        validate: (value: unknown) => {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length > 0 &&
            entries.every(
              ([k, v]) => (k === 'apiKey' || k === 'webhookSecret') && typeof v === 'string' && v.length > 0 && v.length <= 4096,
            )
          );
        },
        defaultMessage: () => 'credentials must be an object with apiKey and/or webhookSecret (non-empty strings)',
      },
    },
    options,
  );
}

export class FactoryCredentialsDto {
  @ApiPropertyOptional() apiKey?: string;
  @ApiPropertyOptional() webhookSecret?: string;
}

export class CreateFactoryDto {
  @ApiProperty({ example: 'Manila Print Works' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: 'MNL-PRINT-1', description: 'Unique; uppercase letters, digits and dashes' })
  @IsString()
  @MaxLength(50)
  @Matches(FACTORY_CODE, { message: 'code must be uppercase letters, digits and single dashes, such as MNL-PRINT-1' })
  code: string;
  @ApiProperty({ enum: SUPPLIER_TYPES }) @IsIn(SUPPLIER_TYPES) supplierType: SupplierType;
  @ApiPropertyOptional({ type: [String], example: ['DTG', 'EMBROIDERY'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(TAG_LENGTH, { each: true })
  capabilities?: string[];
  @ApiPropertyOptional({ type: [String], example: ['DTG', 'SCREEN'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(TAG_LENGTH, { each: true })
  printMethods?: string[];
  @ApiPropertyOptional({ description: 'Units per day', minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  capacity?: number;
  @ApiPropertyOptional({ type: String, example: '4.50', description: '0 to 5; a number or a decimal string' })
  @IsOptional()
  @IsQualityRating()
  qualityRating?: string | number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(TAG_LENGTH, { each: true })
  certifications?: string[];
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isPrimary?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional({ example: 'ops@factory.example' }) @IsOptional() @IsEmail() @MaxLength(255) contactEmail?: string | null;
  @ApiPropertyOptional({ enum: FACTORY_INTEGRATIONS, default: 'MANUAL' })
  @IsOptional()
  @IsIn(FACTORY_INTEGRATIONS)
  integration?: FactoryIntegration;
  @ApiPropertyOptional({ type: FactoryCredentialsDto, description: 'Stored encrypted; never returned (see hasCredentials)' })
  @IsOptional()
  @IsFactoryCredentials()
  credentials?: FactoryCredentialsDto;
}

/** Every field of a new factory, each optional; `null` clears qualityRating and contactEmail; credentials replace the stored ones as a whole. */
export class UpdateFactoryDto extends PartialType(CreateFactoryDto) {}

/** Combined with PageQuery by the operation: contracts/core holds the page, this the filters. */
export class FactoryFilter {
  @ApiPropertyOptional({ enum: SUPPLIER_TYPES }) @IsOptional() @IsIn(SUPPLIER_TYPES) supplierType?: SupplierType;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional({ description: 'Factories that list this capability' })
  @IsOptional()
  @IsString()
  @MaxLength(TAG_LENGTH)
  capability?: string;
  @ApiPropertyOptional({ description: 'Factories that list this print method' })
  @IsOptional()
  @IsString()
  @MaxLength(TAG_LENGTH)
  printMethod?: string;
}

export class FactoryView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: SUPPLIER_TYPES }) supplierType: SupplierType;
  @ApiProperty({ type: [String] }) capabilities: string[];
  @ApiProperty({ type: [String] }) printMethods: string[];
  @ApiProperty({ description: 'Units per day' }) capacity: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: '4.50' }) qualityRating: string | null;
  @ApiProperty({ type: [String] }) certifications: string[];
  @ApiProperty() isPrimary: boolean;
  @ApiProperty() isActive: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ enum: FACTORY_INTEGRATIONS }) integration: FactoryIntegration;
  @ApiProperty({ description: 'Whether adapter credentials are stored (they are never returned)' }) hasCredentials: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** DELETE answer: removed outright, or only deactivated because fulfillments or supplier orders name it. */
export class FactoryRemovedView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'true: the row is gone; false: it was deactivated (isActive false) and kept' }) deleted: boolean;
  @ApiProperty() isActive: boolean;
}

export class CreateFactoryLocationDto {
  @ApiProperty({ enum: LOCATION_TYPES }) @IsIn(LOCATION_TYPES) locationType: LocationType;
  @ApiProperty({ example: 'Pasig plant' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) address1: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address2?: string | null;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) city: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) province?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) postalCode?: string | null;
  @ApiProperty({ example: 'PH', description: 'ISO 3166-1 alpha-2 code, or the English name (stored as the code)' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  country: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(TAG_LENGTH, { each: true })
  capabilities?: string[];
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) capacity?: number;
  @ApiPropertyOptional({
    type: [String],
    example: ['PH', 'PH:NCR', 'US:94'],
    description: 'Country code, optionally :region or :postal prefix',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(24, { each: true })
  shippingZones?: string[];
  @ApiPropertyOptional({ description: "The factory's first location is its default whatever this says" })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

/**
 * Every field of a new location, each optional; `null` clears address2, province and postalCode. isDefault true makes
 * it the default (the previous one is unset); false is refused for the default location.
 */
export class UpdateFactoryLocationDto extends PartialType(CreateFactoryLocationDto) {}

export class FactoryLocationView {
  @ApiProperty() id: string;
  @ApiProperty() factoryId: string;
  @ApiProperty({ enum: LOCATION_TYPES }) locationType: LocationType;
  @ApiProperty() name: string;
  @ApiProperty() address1: string;
  @ApiPropertyOptional({ type: String, nullable: true }) address2: string | null;
  @ApiProperty() city: string;
  @ApiPropertyOptional({ type: String, nullable: true }) province: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) postalCode: string | null;
  @ApiProperty({ example: 'PH' }) country: string;
  @ApiProperty({ type: [String] }) capabilities: string[];
  @ApiProperty() capacity: number;
  @ApiProperty({ type: [String] }) shippingZones: string[];
  @ApiProperty() isDefault: boolean;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class LinkFactoryUserDto {
  @ApiProperty({ description: 'An identity user id (a FULFILLER who works for this factory)' }) @IsUUID() userId: string;
}

export class FactoryUserView {
  @ApiProperty() factoryId: string;
  @ApiProperty() userId: string;
  @ApiProperty() createdAt: string;
}
