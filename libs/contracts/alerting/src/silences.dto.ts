import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@suite/contracts/core';
import { ALERT_CATEGORIES, AlertCategoryName } from './alert-rules.dto';

/** Every matcher given must match; an alert matched by a live silence is stored but not notified. */
export class SilenceMatchersDto {
  @ApiPropertyOptional({ enum: ALERT_CATEGORIES }) @IsOptional() @IsIn(ALERT_CATEGORIES) category?: AlertCategoryName;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^evt\.[a-z-]+\.[a-z-]+\.[a-z-]+$/, { message: 'eventType must be an event subject' })
  eventType?: string;
  @ApiPropertyOptional({ type: [String], description: 'the alert carries every one of these tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  tags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() sensorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ruleId?: string;
}

export class CreateSilenceDto {
  @ApiProperty({ type: SilenceMatchersDto }) @ValidateNested() @Type(() => SilenceMatchersDto) matchers: SilenceMatchersDto;
  @ApiPropertyOptional({ description: 'default: now' }) @IsOptional() @IsDateString() startsAt?: string;
  @ApiProperty() @IsDateString() endsAt: string;
  @ApiProperty({ description: 'why' }) @IsString() @MinLength(1) @MaxLength(2000) comment: string;
  @ApiPropertyOptional({ description: "a team's silence (its members see it)" }) @IsOptional() @IsUUID() teamId?: string;
}

export class SilenceListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only silences in force now' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class SilenceView {
  @ApiProperty() id: string;
  @ApiProperty({ type: SilenceMatchersDto }) matchers: SilenceMatchersDto;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ nullable: true }) teamId: string | null;
  @ApiProperty() comment: string;
  @ApiProperty({ description: 'in force now' }) active: boolean;
  @ApiProperty() createdAt: string;
}
