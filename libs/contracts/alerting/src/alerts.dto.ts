import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@suite/contracts/core';
import { ALERT_CATEGORIES, ALERT_PRIORITIES, AlertCategoryName, AlertPriorityName } from './alert-rules.dto';

export const ALERT_STATUSES = ['PENDING', 'SENT', 'ACKNOWLEDGED', 'ESCALATED', 'SNOOZED', 'SUPPRESSED', 'RESOLVED', 'EXPIRED'] as const;
export type AlertStatusName = (typeof ALERT_STATUSES)[number];
/** Statuses of an alert still open: a repeat of its fingerprint counts on it instead of opening another. */
export const OPEN_ALERT_STATUSES: AlertStatusName[] = ['PENDING', 'SENT', 'ACKNOWLEDGED', 'ESCALATED', 'SNOOZED', 'SUPPRESSED'];

export class AlertListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES }) @IsOptional() @IsIn(ALERT_STATUSES) status?: AlertStatusName;
  @ApiPropertyOptional({ enum: ALERT_CATEGORIES }) @IsOptional() @IsIn(ALERT_CATEGORIES) category?: AlertCategoryName;
  @ApiPropertyOptional({ enum: ALERT_PRIORITIES }) @IsOptional() @IsIn(ALERT_PRIORITIES) priority?: AlertPriorityName;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ruleId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) eventType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) fingerprint?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() storeId?: string;
}

export class AlertAcknowledgmentView {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiPropertyOptional({ nullable: true }) note: string | null;
  @ApiPropertyOptional({ nullable: true }) expiresAt: string | null;
  @ApiProperty() createdAt: string;
}

export class AlertView {
  @ApiProperty() id: string;
  @ApiProperty() ruleId: string;
  @ApiProperty() title: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ALERT_CATEGORIES }) category: AlertCategoryName;
  @ApiProperty({ enum: ALERT_PRIORITIES }) priority: AlertPriorityName;
  @ApiProperty({ enum: ALERT_STATUSES }) status: AlertStatusName;
  @ApiProperty() eventType: string;
  @ApiPropertyOptional({ nullable: true }) eventId: string | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) eventData: unknown;
  @ApiProperty() fingerprint: string;
  @ApiPropertyOptional({ nullable: true }) groupKey: string | null;
  @ApiProperty() severity: number;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({ type: Object, nullable: true }) metadata: unknown;
  @ApiProperty() occurrenceCount: number;
  @ApiProperty() firstOccurrence: string;
  @ApiProperty() lastOccurrence: string;
  @ApiProperty() triggeredAt: string;
  @ApiPropertyOptional({ nullable: true }) acknowledgedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) resolvedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) escalatedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) snoozedUntil: string | null;
  @ApiPropertyOptional({ nullable: true }) deviceId: string | null;
  @ApiPropertyOptional({ nullable: true }) sensorId: string | null;
  @ApiPropertyOptional({ nullable: true }) storeId: string | null;
  @ApiPropertyOptional({ nullable: true }) silenceId: string | null;
  @ApiProperty({ type: [AlertAcknowledgmentView] }) acknowledgments: AlertAcknowledgmentView[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AcknowledgeAlertDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'minutes after which a still-open alert notifies again (REMINDER)' })
  @IsOptional()
  @Type(() => Number)
  @Min(0.01)
  @Max(43200)
  expiresInMinutes?: number;
}

export class SnoozeAlertDto {
  @ApiProperty({ description: 'until when (UTC ISO-8601); the alert returns and notifies again then' }) @IsDateString() until: string;
}

export class ResolveAlertDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
