import { PageQuery } from '@suite/contracts/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsCountry } from './address-country';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export const CUSTOMER_STATUSES = ['ACTIVE', 'INACTIVE', 'BLOCKED', 'VIP'] as const;
export const ADDRESS_TYPES = ['SHIPPING', 'BILLING'] as const;

export class CreateCustomerDto {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiPropertyOptional({ description: "identity's user, when the customer has an account" }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) lastName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phoneNumber?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES }) @IsOptional() @IsIn(CUSTOMER_STATUSES) status?: (typeof CUSTOMER_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

export class UpdateCustomerDto {
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) lastName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phoneNumber?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES }) @IsOptional() @IsIn(CUSTOMER_STATUSES) status?: (typeof CUSTOMER_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

/** Cursor and limit from PageQuery, plus the customer filters. */
export class CustomerListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES }) @IsOptional() @IsIn(CUSTOMER_STATUSES) status?: (typeof CUSTOMER_STATUSES)[number];
  @ApiPropertyOptional({ description: 'Part of the email (case-insensitive)' }) @IsOptional() @IsString() @MaxLength(320) email?: string;
}

export class CustomerView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) userId: string | null;
  @ApiProperty({ description: "'' for shop users until an email is set: identity owns it and is not asked" }) email: string;
  @ApiPropertyOptional({ nullable: true }) firstName: string | null;
  @ApiPropertyOptional({ nullable: true }) lastName: string | null;
  @ApiPropertyOptional({ nullable: true }) phoneNumber: string | null;
  @ApiProperty({ enum: CUSTOMER_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true }) notes: string | null;
  @ApiProperty() createdAt: string;
}

export class CreateAddressDto {
  @ApiPropertyOptional({ enum: ADDRESS_TYPES, default: 'SHIPPING' })
  @IsOptional()
  @IsIn(ADDRESS_TYPES)
  type?: (typeof ADDRESS_TYPES)[number];
  @ApiProperty() @IsString() @Length(1, 100) firstName: string;
  @ApiProperty() @IsString() @Length(1, 100) lastName: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) company?: string;
  @ApiProperty() @IsString() @Length(1, 200) street1: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) street2?: string;
  @ApiProperty() @IsString() @Length(1, 100) city: string;
  @ApiProperty() @IsString() @Length(1, 100) state: string;
  @ApiProperty() @IsString() @Length(1, 20) postalCode: string;
  @ApiPropertyOptional({ default: 'Philippines', description: 'ISO 3166-1 alpha-2 code or English name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsCountry()
  country?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phoneNumber?: string;
  @ApiPropertyOptional({ description: 'Make this the default of its type (the previous default is unset)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateAddressDto {
  @ApiPropertyOptional({ enum: ADDRESS_TYPES }) @IsOptional() @IsIn(ADDRESS_TYPES) type?: (typeof ADDRESS_TYPES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) lastName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) company?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) street1?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) street2?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) city?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 20) postalCode?: string;
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 code or English name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsCountry()
  country?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phoneNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isDefault?: boolean;
}

export class AddressView {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ enum: ADDRESS_TYPES }) type: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiPropertyOptional({ nullable: true }) company: string | null;
  @ApiProperty() street1: string;
  @ApiPropertyOptional({ nullable: true }) street2: string | null;
  @ApiProperty() city: string;
  @ApiProperty() state: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() country: string;
  @ApiPropertyOptional({ nullable: true }) phoneNumber: string | null;
  @ApiProperty() isDefault: boolean;
  @ApiProperty() createdAt: string;
}
