import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const REPORT_TYPES = [
  'SALES',
  'INVENTORY',
  'FULFILLMENT',
  'CUSTOMER',
  'FINANCIAL',
  'REVENUE',
  'USERS',
  'PRODUCTS',
  'ORDERS',
  'DEVICES',
  'CUSTOM',
] as const;
export type ReportTypeName = (typeof REPORT_TYPES)[number];
export const REPORT_FORMATS = ['PDF', 'EXCEL', 'CSV', 'JSON'] as const;
export type ReportFormatName = (typeof REPORT_FORMATS)[number];
export const EXECUTION_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type ExecutionStatusName = (typeof EXECUTION_STATUSES)[number];
export const SUBSCRIPTION_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'REAL_TIME'] as const;
export type SubscriptionFrequencyName = (typeof SUBSCRIPTION_FREQUENCIES)[number];
export const REPORT_CHANNELS = ['EMAIL', 'SMS', 'PUSH', 'IN_APP'] as const;
export type ReportChannelName = (typeof REPORT_CHANNELS)[number];

export class ReportSortDto {
  @ApiProperty({ example: 'timestamp' }) @IsString() @MaxLength(64) column: string;
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' }) @IsOptional() @IsIn(['asc', 'desc']) direction?: 'asc' | 'desc';
}

/**
 * What a report shows. Column names depend on the type (ORDERS: orderCode, total, status, storeId...);
 * the service checks them against the type's columns when the report is saved and names a bad one.
 */
export class ReportConfigurationDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', eventTypes: ['evt.orders.order.placed'], storeIds: [] },
    description: 'from/to (ISO-8601) or lastDays (relative to the run), eventTypes, storeIds, and equality filters on columns',
  })
  @IsOptional()
  @IsObject()
  filters?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], description: "The type's columns to show, in order; all of them when absent" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  columns?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Group by these columns: one row per group with count and the sums of numeric columns',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  groupBy?: string[];

  @ApiPropertyOptional({ type: [ReportSortDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ReportSortDto)
  sort?: ReportSortDto[];

  @ApiPropertyOptional({ description: 'At most this many rows', minimum: 1, maximum: 5000000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000000)
  limit?: number;
}

export class ReportScheduleDto {
  @ApiProperty({ example: '0 7 * * 1', description: 'Cron (5 fields, or 6 with seconds)' }) @IsString() @MaxLength(120) cron: string;
  @ApiPropertyOptional({ example: 'Asia/Manila', default: 'UTC', description: 'IANA time zone the cron is read in' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
}

export class CreateReportDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ enum: REPORT_TYPES }) @IsIn(REPORT_TYPES) type: ReportTypeName;
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'PDF' }) @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormatName;
  @ApiProperty({ type: ReportConfigurationDto })
  @ValidateNested()
  @Type(() => ReportConfigurationDto)
  configuration: ReportConfigurationDto;
  @ApiPropertyOptional({ type: ReportScheduleDto, nullable: true, description: 'Runs on this schedule when set' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportScheduleDto)
  schedule?: ReportScheduleDto | null;
  @ApiPropertyOptional({ type: [String], description: 'Addresses mailed the output of each run' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  recipients?: string[];
  @ApiPropertyOptional({ description: "The seller team whose stores' data it covers; platform-wide (staff only) when absent" })
  @IsOptional()
  @IsUUID()
  teamId?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateReportDto extends PartialType(CreateReportDto) {}

export class ReportFilter {
  @ApiPropertyOptional({ enum: REPORT_TYPES }) @IsOptional() @IsIn(REPORT_TYPES) type?: ReportTypeName;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
}

export class ReportScheduleView {
  @ApiProperty() cron: string;
  @ApiProperty() timezone: string;
}

export class ReportView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: REPORT_TYPES }) type: ReportTypeName;
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormatName;
  @ApiProperty({ type: ReportConfigurationDto }) configuration: ReportConfigurationDto;
  @ApiPropertyOptional({ type: ReportScheduleView, nullable: true }) schedule: ReportScheduleView | null;
  @ApiProperty({ type: [String] }) recipients: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nextRunAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastRunAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ReportRemovedView {
  @ApiProperty() id: string;
  @ApiProperty() deleted: boolean;
}

export class ExecutionView {
  @ApiProperty() id: string;
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: EXECUTION_STATUSES }) status: ExecutionStatusName;
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormatName;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The schedule tick of a scheduled run' }) scheduledFor: string | null;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Milliseconds' }) duration: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) rowCount: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'The rows themselves, when few: { columns, rows, totals }' }) resultData: unknown;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'An expiring signed link to the output file' }) downloadUrl:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) downloadExpiresAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) resultSize: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) errorMessage: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) executedBy: string | null;
  @ApiProperty() cancelRequested: boolean;
  @ApiProperty() createdAt: string;
}

export class CreateSubscriptionDto {
  @ApiProperty({ enum: REPORT_CHANNELS }) @IsIn(REPORT_CHANNELS) channel: ReportChannelName;
  @ApiProperty({ enum: SUBSCRIPTION_FREQUENCIES }) @IsIn(SUBSCRIPTION_FREQUENCIES) frequency: SubscriptionFrequencyName;
  @ApiPropertyOptional({ description: 'Where EMAIL goes (required for EMAIL)' }) @IsOptional() @IsEmail() email?: string;
}

export class SubscriptionView {
  @ApiProperty() id: string;
  @ApiProperty() reportId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: REPORT_CHANNELS }) channel: ReportChannelName;
  @ApiProperty({ enum: SUBSCRIPTION_FREQUENCIES }) frequency: SubscriptionFrequencyName;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty() isActive: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) lastSentAt: string | null;
  @ApiProperty() createdAt: string;
}

export class UnsubscribedView {
  @ApiProperty() subscriptionId: string;
  @ApiProperty() unsubscribed: boolean;
}
