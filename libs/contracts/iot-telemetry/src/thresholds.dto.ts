import { PageQuery } from '@suite/contracts/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export const THRESHOLD_OPERATORS = ['ABOVE', 'BELOW'] as const;
export const ALERT_SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;
export type AlertSeverityName = (typeof ALERT_SEVERITIES)[number];

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** "above 28 C for 5 minutes": raised once the condition has held durationSeconds; cleared once back past value by hysteresis. */
export class CreateThresholdDto {
  @ApiProperty({ enum: THRESHOLD_OPERATORS }) @IsIn(THRESHOLD_OPERATORS) operator: (typeof THRESHOLD_OPERATORS)[number];
  @ApiProperty({ example: 28 }) @IsNumber() value: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 86400, default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(86400) durationSeconds?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsNumber() @Min(0) hysteresis?: number;
  @ApiPropertyOptional({ enum: ALERT_SEVERITIES, default: 'WARNING' }) @IsOptional() @IsIn(ALERT_SEVERITIES) severity?: AlertSeverityName;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateThresholdDto {
  @ApiPropertyOptional({ enum: THRESHOLD_OPERATORS })
  @IsOptional()
  @IsIn(THRESHOLD_OPERATORS)
  operator?: (typeof THRESHOLD_OPERATORS)[number];
  @ApiPropertyOptional() @IsOptional() @IsNumber() value?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 86400 }) @IsOptional() @IsInt() @Min(0) @Max(86400) durationSeconds?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsNumber() @Min(0) hysteresis?: number;
  @ApiPropertyOptional({ enum: ALERT_SEVERITIES }) @IsOptional() @IsIn(ALERT_SEVERITIES) severity?: AlertSeverityName;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

export class ThresholdView {
  @ApiProperty() id: string;
  @ApiProperty() sensorId: string;
  @ApiProperty() deviceId: string;
  @ApiPropertyOptional({ nullable: true }) name: string | null;
  @ApiProperty({ enum: THRESHOLD_OPERATORS }) operator: string;
  @ApiProperty() value: number;
  @ApiProperty() durationSeconds: number;
  @ApiProperty() hysteresis: number;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity: string;
  @ApiProperty() isActive: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'when the current breach began; null when not breaching' }) breachStartedAt:
    string | null;
  @ApiPropertyOptional({ nullable: true }) activeAlertId: string | null;
  @ApiPropertyOptional({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** NATS request shapes (gateway -> service). */
export class ThresholdSensorRef {
  @IsUUID() sensorId: string;
}
export class ThresholdRef extends ThresholdSensorRef {
  @IsUUID() thresholdId: string;
}

/** Cursor and limit from PageQuery, plus the filters. */
export class SensorAlertListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() sensorId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isResolved?: boolean;
  @ApiPropertyOptional({ enum: ALERT_SEVERITIES }) @IsOptional() @IsIn(ALERT_SEVERITIES) severity?: AlertSeverityName;
  @ApiPropertyOptional({ description: 'created at or after (ISO 8601)' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'created before (ISO 8601)' }) @IsOptional() @IsDateString() to?: string;
}

export class SensorAlertView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) deviceId: string | null;
  @ApiPropertyOptional({ nullable: true }) sensorId: string | null;
  @ApiPropertyOptional({ nullable: true }) thresholdId: string | null;
  @ApiProperty({ example: 'THRESHOLD_ABOVE' }) type: string;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity: string;
  @ApiProperty() title: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ nullable: true, description: 'the threshold as it was when the alert was raised' }) threshold: unknown;
  @ApiPropertyOptional({ nullable: true }) value: number | null;
  @ApiPropertyOptional({ nullable: true }) triggeredAt: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() isResolved: boolean;
  @ApiPropertyOptional({ nullable: true }) resolvedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
