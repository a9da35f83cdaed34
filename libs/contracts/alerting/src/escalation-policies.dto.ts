import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@suite/contracts/core';
import { AlertRecipientDto, AlertRecipientView } from './alert-rules.dto';

/** Wait this long after the previous step (or the first notification) without an acknowledgment, then notify these. */
export class EscalationStepDto {
  @ApiProperty({ description: 'minutes; fractions allowed' }) @IsNumber() @Min(0.01) @Max(10080) waitMinutes: number;
  @ApiProperty({ type: [AlertRecipientDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AlertRecipientDto)
  recipients: AlertRecipientDto[];
}

export class CreateEscalationPolicyDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ type: [EscalationStepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  steps: EscalationStepDto[];
  @ApiPropertyOptional({ default: 0, description: 'times the steps run again after the last one' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  repeat?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
}

export class UpdateEscalationPolicyDto extends PartialType(CreateEscalationPolicyDto) {}

export class EscalationPolicyListQuery extends PageQuery {}

export class EscalationStepView {
  @ApiProperty() waitMinutes: number;
  @ApiProperty({ type: [AlertRecipientView] }) recipients: AlertRecipientView[];
}

export class EscalationPolicyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty({ type: [EscalationStepView] }) steps: EscalationStepView[];
  @ApiProperty() repeat: number;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ nullable: true }) teamId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
