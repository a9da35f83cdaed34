import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { EXPORT_ENTITY_TYPES, ExportEntityTypeName, ExportFilters } from '@suite/contracts/core';
import { BULK_FILE_FORMATS, BulkFileFormatName, JOB_PRIORITIES, JOB_STATUSES, JobPriorityName, JobStatusName } from './bulk-jobs';

export const EXPORT_FILE_FORMATS = BULK_FILE_FORMATS;
export type ExportFileFormatName = BulkFileFormatName;

export class CreateExportDto {
  @ApiProperty({ enum: EXPORT_ENTITY_TYPES }) @IsIn(EXPORT_ENTITY_TYPES) entityType: ExportEntityTypeName;
  @ApiProperty({ enum: EXPORT_FILE_FORMATS }) @IsIn(EXPORT_FILE_FORMATS) fileFormat: ExportFileFormatName;
  @ApiPropertyOptional({ type: ExportFilters, description: 'Which rows; each entity type takes some of these (others are a 400)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExportFilters)
  filters?: ExportFilters;
  @ApiPropertyOptional({ enum: JOB_PRIORITIES, default: 'NORMAL' }) @IsOptional() @IsIn(JOB_PRIORITIES) priority?: JobPriorityName;
}

export class ExportFilter {
  @ApiPropertyOptional({ enum: JOB_STATUSES }) @IsOptional() @IsIn(JOB_STATUSES) status?: JobStatusName;
  @ApiPropertyOptional({ enum: EXPORT_ENTITY_TYPES }) @IsOptional() @IsIn(EXPORT_ENTITY_TYPES) entityType?: ExportEntityTypeName;
}

export class ExportJobView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: EXPORT_ENTITY_TYPES }) entityType: ExportEntityTypeName;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatusName;
  @ApiProperty({ enum: JOB_PRIORITIES }) priority: JobPriorityName;
  @ApiProperty({ enum: EXPORT_FILE_FORMATS }) fileFormat: ExportFileFormatName;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'Bytes of the produced file (0 until COMPLETED)' }) fileSize: number;
  @ApiProperty({ type: ExportFilters }) filters: ExportFilters;
  @ApiProperty({ description: 'Rows matching the filters, when the owner counts them (0 until known)' }) totalRecords: number;
  @ApiProperty() processedRecords: number;
  @ApiProperty() progressPercent: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Milliseconds left, estimated from the pace so far' })
  estimatedTimeMs: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) startedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) failureReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) teamId: string | null;
  @ApiProperty() cancelRequested: boolean;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'COMPLETED: an expiring signed link to the file' }) downloadUrl:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) downloadExpiresAt: string | null;
}
