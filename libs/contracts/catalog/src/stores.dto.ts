import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';

export const STORE_PLATFORMS = ['TIKTOK_SHOP', 'SHOPIFY', 'ETSY', 'AMAZON', 'WOOCOMMERCE'] as const;
export type StorePlatform = (typeof STORE_PLATFORMS)[number];

/** Query strings arrive as text: `?isActive=false` must mean false, not a truthy string. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const CURRENCY = /^[A-Z]{3}$/;
const MAX_CREDENTIAL_KEYS = 20;

/**
 * Platform credentials are whatever the platform needs (apiKey, accessToken, shopId, ...): a flat
 * object of short strings. Checked here because the global pipe only whitelists class properties,
 * not the keys of a free-form object.
 */
export function IsCredentials(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCredentials',
      validator: {
        validate: (value: unknown) => {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length > 0 &&
            entries.length <= MAX_CREDENTIAL_KEYS &&
            entries.every(([k, v]) => /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k) && typeof v === 'string' && v.length > 0 && v.length <= 4096)
          );
        },
        defaultMessage: () => `credentials must be an object of 1 to ${MAX_CREDENTIAL_KEYS} non-empty strings named like apiKey or shop_id`,
      },
    },
    options,
  );
}

export class CreateStoreDto {
  @ApiProperty({ description: 'One of the caller’s teams' }) @IsUUID() teamId: string;
  @ApiProperty({ example: 'Shiitake merch' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ enum: STORE_PLATFORMS }) @IsIn(STORE_PLATFORMS) platform: StorePlatform;
  @ApiPropertyOptional({ description: "The shop's id on the platform" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  platformStoreId?: string;
  @ApiPropertyOptional({ example: 'shop.example.com' }) @IsOptional() @IsString() @MaxLength(255) domain?: string;
  @ApiProperty({ example: 'USD', description: 'ISO 4217 code' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;
  @ApiPropertyOptional({ description: 'Stored encrypted; never returned', example: { apiKey: '...', accessToken: '...' } })
  @IsOptional()
  @IsCredentials()
  credentials?: Record<string, string>;
}

export class UpdateStoreDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) platformStoreId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) domain?: string;
  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;
  @ApiPropertyOptional({ description: 'Replaces the stored credentials as a whole' }) @IsOptional() @IsCredentials() credentials?: Record<
    string,
    string
  >;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

/** Combined with PageQuery (platform) by the gateway and the service: contracts do not depend on the platform. */
export class StoreFilter {
  @ApiPropertyOptional({ enum: STORE_PLATFORMS }) @IsOptional() @IsIn(STORE_PLATFORMS) platform?: StorePlatform;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isActive?: boolean;
}

export class StoreView {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STORE_PLATFORMS }) platform: StorePlatform;
  @ApiPropertyOptional({ nullable: true }) platformStoreId: string | null;
  @ApiPropertyOptional({ nullable: true }) domain: string | null;
  @ApiProperty() currency: string;
  @ApiProperty({ description: 'Whether platform credentials are stored (they are never returned)' }) hasCredentials: boolean;
  @ApiProperty() isActive: boolean;
  @ApiPropertyOptional({ nullable: true }) lastSyncedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
