import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '@suite/contracts/core';
import { BULK_FILE_FORMATS, BulkFileFormatName, JOB_PRIORITIES, JOB_STATUSES, JobPriorityName, JobStatusName } from './bulk-jobs';

export const IMPORT_ENTITY_TYPES = ['PRODUCT', 'ORDER', 'USER', 'CATEGORY', 'SELLER', 'BUYER', 'TRANSACTION', 'INVENTORY'] as const;
export type ImportEntityType = (typeof IMPORT_ENTITY_TYPES)[number];
export const IMPORT_FILE_FORMATS = BULK_FILE_FORMATS;
export type ImportFileFormat = BulkFileFormatName;
export const ERROR_SEVERITIES = ['ERROR', 'WARNING'] as const;

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** What the gateway's upload route sends once the file is stored (not an HTTP body: the route is multipart). */
export class CreateImportRequest {
  @IsIn(IMPORT_ENTITY_TYPES) entityType: ImportEntityType;
  @IsIn(IMPORT_FILE_FORMATS) fileFormat: ImportFileFormat;
  @IsOptional() @IsIn(JOB_PRIORITIES) priority?: JobPriorityName;
  @IsOptional() @IsBoolean() dryRun?: boolean;
  @IsOptional() @IsString() @MaxLength(100) templateId?: string;
  /** The store product rows without a storeId column go to. */
  @IsOptional() @IsUUID() storeId?: string;
  /** The team the data belongs to; the caller's only team when omitted. */
  @IsOptional() @IsUUID() teamId?: string;
  @IsString() @MinLength(1) @MaxLength(255) fileName: string;
  @IsString() @MaxLength(512) fileKey: string;
  @IsInt() @Min(0) fileSize: number;
}

export class ImportJobView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['IMPORT'] }) type: string;
  @ApiProperty({ enum: IMPORT_ENTITY_TYPES }) entityType: ImportEntityType;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatusName;
  @ApiProperty({ enum: JOB_PRIORITIES }) priority: JobPriorityName;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: IMPORT_FILE_FORMATS }) fileFormat: ImportFileFormat;
  @ApiProperty() fileSize: number;
  @ApiProperty() dryRun: boolean;
  @ApiPropertyOptional({ nullable: true }) templateId: string | null;
  @ApiProperty() totalRecords: number;
  @ApiProperty() processedRecords: number;
  @ApiProperty() successCount: number;
  @ApiProperty() failureCount: number;
  @ApiProperty() warningCount: number;
  @ApiProperty() progressPercent: number;
  @ApiPropertyOptional({ nullable: true }) estimatedTimeMs: number | null;
  @ApiPropertyOptional({ nullable: true }) failureReason: string | null;
  @ApiProperty() hasErrorReport: boolean;
  @ApiPropertyOptional({ nullable: true }) teamId: string | null;
  @ApiProperty() cancelRequested: boolean;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ nullable: true }) startedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) heartbeatAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ImportErrorView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The row in the file; the header is row 1 (JSON and XML records count the same way)',
  })
  rowNumber: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'The header as written in the file' }) columnName: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The field it maps to' }) fieldPath: string | null;
  @ApiProperty({ enum: ['VALIDATION', 'CONSTRAINT', 'FORMAT', 'BUSINESS_RULE'] }) errorType: string;
  @ApiProperty({ enum: ERROR_SEVERITIES }) severity: string;
  @ApiProperty() errorCode: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ nullable: true }) suggestion: string | null;
  @ApiPropertyOptional({ nullable: true }) originalValue: string | null;
  @ApiPropertyOptional({ nullable: true }) expectedFormat: string | null;
}

export class ImportListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: JOB_STATUSES }) @IsOptional() @IsIn(JOB_STATUSES) status?: JobStatusName;
  @ApiPropertyOptional({ enum: IMPORT_ENTITY_TYPES }) @IsOptional() @IsIn(IMPORT_ENTITY_TYPES) entityType?: ImportEntityType;
}

export class ImportErrorsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ERROR_SEVERITIES }) @IsOptional() @IsIn(ERROR_SEVERITIES) severity?: 'ERROR' | 'WARNING';
}

export class ImportFileLinkView {
  @ApiProperty() url: string;
  @ApiProperty() expiresAt: string;
}

/** A rule of a template's `validation`, per field: checked in analytics before a row goes to its owner. */
export class ImportFieldRuleDto {
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional({ enum: ['string', 'integer', 'decimal', 'boolean', 'uuid', 'email'] }) type?: string;
  @ApiPropertyOptional() maxLength?: number;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional({ type: [String] }) enum?: string[];
  @ApiPropertyOptional() pattern?: string;
}

export class CreateImportTemplateDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ enum: IMPORT_ENTITY_TYPES }) @IsIn(IMPORT_ENTITY_TYPES) entityType: ImportEntityType;
  @ApiProperty({ enum: IMPORT_FILE_FORMATS }) @IsIn(IMPORT_FILE_FORMATS) fileFormat: ImportFileFormat;
  @ApiProperty({ description: 'File header -> field name, e.g. {"Article number": "sku"}', example: { SKU: 'sku', Title: 'name' } })
  @IsObject()
  headers: Record<string, string>;
  @ApiPropertyOptional({ description: 'Example rows keyed by file header; the sample file is made of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  sampleData?: Record<string, string>[];
  @ApiPropertyOptional({ description: 'Field name -> rule (required, type, maxLength, min, enum, pattern)', type: Object })
  @IsOptional()
  @IsObject()
  validation?: Record<string, ImportFieldRuleDto>;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateImportTemplateDto extends PartialType(CreateImportTemplateDto) {}

export class ImportTemplateListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IMPORT_ENTITY_TYPES }) @IsOptional() @IsIn(IMPORT_ENTITY_TYPES) entityType?: ImportEntityType;
  @ApiPropertyOptional({ enum: IMPORT_FILE_FORMATS }) @IsOptional() @IsIn(IMPORT_FILE_FORMATS) fileFormat?: ImportFileFormat;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() activeOnly?: boolean;
}

export class ImportTemplateView {
  @ApiProperty({ description: 'A built-in default is named default-<entity>-<format>, e.g. default-product-csv' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty({ enum: IMPORT_ENTITY_TYPES }) entityType: ImportEntityType;
  @ApiProperty({ enum: IMPORT_FILE_FORMATS }) fileFormat: ImportFileFormat;
  @ApiProperty({ type: Object }) headers: Record<string, string>;
  @ApiProperty({ type: [Object] }) sampleData: Record<string, string>[];
  @ApiProperty({ type: Object }) validation: Record<string, ImportFieldRuleDto>;
  @ApiProperty() isActive: boolean;
  @ApiProperty() builtIn: boolean;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,100}$/;
export class ImportTemplateRef {
  @Matches(TEMPLATE_ID) templateId: string;
}
export class ImportRef {
  @Matches(TEMPLATE_ID) jobId: string;
}

const EXTENSION_FORMATS: Record<string, ImportFileFormat> = { csv: 'CSV', txt: 'CSV', xlsx: 'EXCEL', json: 'JSON', xml: 'XML' };

/** The format a file name's extension names (data.csv -> CSV, data.xlsx -> EXCEL); undefined when it names none. */
export function formatFromFileName(fileName: string): ImportFileFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSION_FORMATS[fileName.slice(dot + 1).toLowerCase()];
}
