import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsMoney } from './products.dto';

/** The optional fields of a variant (price is required at creation, so it is declared per DTO). */
class VariantFields {
  @ApiPropertyOptional({ example: 'XL' }) @IsOptional() @IsString() @MaxLength(50) size?: string;
  @ApiPropertyOptional({ example: 'Black' }) @IsOptional() @IsString() @MaxLength(50) color?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) material?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) style?: string;
  @ApiPropertyOptional() @IsOptional() @IsObject() attributes?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsMoney() costPrice?: string | number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) stock?: number;
}

export class UpdateSystemVariantDto extends VariantFields {
  @ApiPropertyOptional({ example: '24.99' }) @IsOptional() @IsMoney() price?: string | number;
}

export class CreateSystemVariantDto extends VariantFields {
  @ApiProperty({ example: '24.99' }) @IsMoney() price: string | number;
}

export class SystemVariantView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Unique 5-character code factories map their variants to', example: 'K7WQ3' }) code: string;
  @ApiProperty() productId: string;
  @ApiPropertyOptional({ nullable: true }) size: string | null;
  @ApiPropertyOptional({ nullable: true }) color: string | null;
  @ApiPropertyOptional({ nullable: true }) material: string | null;
  @ApiPropertyOptional({ nullable: true }) style: string | null;
  @ApiPropertyOptional({ nullable: true }) attributes: Record<string, unknown> | null;
  @ApiProperty() price: string;
  @ApiPropertyOptional({ nullable: true }) costPrice: string | null;
  @ApiProperty() stock: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
