import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateCategoryDto {
  @ApiProperty({ example: 'Oyster mushrooms', description: 'The slug is made from it and kept unique (-2, -3, ...)' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ description: 'The parent category; none for a root' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(-1000000) @Max(1000000) sortOrder?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) @MaxLength(2000) imageUrl?: string;
}

/** The slug stays as created, so links to the category keep working after a rename. */
export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ nullable: true, description: 'Move under another category; null makes it a root' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(-1000000) @Max(1000000) sortOrder?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) @MaxLength(2000) imageUrl?: string;
}

export class CategoryQuery {
  @ApiPropertyOptional({ description: 'true: nested roots with children; otherwise a flat list by sortOrder' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  tree?: boolean;
}

export class CategoryView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiPropertyOptional({ nullable: true }) parentId: string | null;
  @ApiPropertyOptional({ nullable: true }) imageUrl: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() sortOrder: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CategoryNode extends CategoryView {
  @ApiProperty({ type: () => [CategoryNode] }) children: CategoryNode[];
}
