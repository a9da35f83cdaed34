import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { REPORT_CHANNELS, REPORT_FORMATS, type ReportChannelName, type ReportFormatName } from './reports.dto';
import { ReportEvents } from './reports.subjects';

export class ReportSubscriber {
  @IsUUID() subscriptionId: string;
  @IsString() userId: string;
  @IsIn(REPORT_CHANNELS) channel: ReportChannelName;
}

/**
 * A report run completed. Carries the subscribers alerting should notify on IN_APP, PUSH and SMS
 * (EMAIL is mailed by analytics itself, with the file) and an expiring link to the output.
 */
export class ReportReadyPayload {
  @IsUUID() reportId: string;
  @IsUUID() executionId: string;
  @IsString() reportName: string;
  @IsIn(REPORT_FORMATS) format: ReportFormatName;
  @IsInt() rowCount: number;
  @IsOptional() @IsString() downloadUrl: string | null;
  @IsOptional() @IsString() expiresAt: string | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReportSubscriber) subscribers: ReportSubscriber[];
}

export const ReportReady = { subject: ReportEvents.ReportReady, payload: ReportReadyPayload, version: 1 } as const;
