import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, SETTING_KEY } from '@suite/contracts/core';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SettingKeyRef {
  @ApiProperty({ example: 'search.logEnabled' })
  @IsString()
  @Matches(SETTING_KEY, { message: 'key must be letters, digits and ._- (up to 100)' })
  key: string;
}

export class CreateSettingDto extends SettingKeyRef {
  @ApiProperty({ description: 'Any JSON value except null; must satisfy `schema` when one is given', example: true })
  @IsDefined()
  value: unknown;
  @ApiPropertyOptional({
    description: 'JSON Schema (draft 2020-12 subset ajv supports) every value of the key must satisfy',
    example: { type: 'boolean' },
  })
  @IsOptional()
  @IsObject()
  schema?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ example: 'search' }) @IsOptional() @IsString() @MaxLength(100) category?: string;
  @ApiPropertyOptional({ description: 'Readable by anyone, signed in or not (GET /system-config/public)', default: false })
  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;
}

/** Every field optional; a new `schema` applies to the value the key ends up with. */
export class UpdateSettingDto {
  @ApiPropertyOptional({ description: 'Any JSON value except null' }) @IsOptional() value?: unknown;
  @ApiPropertyOptional({ description: 'A new JSON Schema; null removes it' }) @IsOptional() @IsObject() schema?: Record<
    string,
    unknown
  > | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isPublic?: boolean;
}

export class SettingListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'search' }) @IsOptional() @IsString() @MaxLength(100) category?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isPublic?: boolean;
}

export class SettingView {
  @ApiProperty() id: string;
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Any JSON value' }) value: unknown;
  @ApiPropertyOptional({ nullable: true, description: 'JSON Schema of the value' }) schema: unknown;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiPropertyOptional({ nullable: true }) category: string | null;
  @ApiProperty() isPublic: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'User who last changed it' }) updatedBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
