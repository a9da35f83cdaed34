import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const PRODUCTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type ProductionStatusName = (typeof PRODUCTION_STATUSES)[number];
/** What a batch may be moved to through the API (PLANNED is where every batch starts). */
export const PRODUCTION_TARGETS = ['IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type ProductionTarget = (typeof PRODUCTION_TARGETS)[number];
/**
 * A production item's own state: QUEUED in its batch, PRODUCED when the batch completes, REPRINTED when a
 * failed quality check replaced it with a reprint, FAILED when it failed past the reprint limit, CANCELLED with its batch.
 */
export const PRODUCTION_ITEM_STATUSES = ['QUEUED', 'PRODUCED', 'REPRINTED', 'FAILED', 'CANCELLED'] as const;
export type ProductionItemStatus = (typeof PRODUCTION_ITEM_STATUSES)[number];

export const QUALITY_CHECK_STAGES = ['PRE_PRODUCTION', 'IN_PRODUCTION', 'POST_PRODUCTION', 'PRE_SHIPPING'] as const;
export type QualityCheckStageName = (typeof QUALITY_CHECK_STAGES)[number];
export const QUALITY_CHECK_RESULTS = ['PASS', 'FAIL', 'CONDITIONAL'] as const;
export type QualityCheckResultName = (typeof QUALITY_CHECK_RESULTS)[number];
export const DEFECT_SEVERITIES = ['MINOR', 'MAJOR', 'CRITICAL'] as const;
export type DefectSeverity = (typeof DEFECT_SEVERITIES)[number];

const BATCH_NUMBER = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const MAX_BATCH_ITEMS = 500;

export class CreateProductionDto {
  @ApiProperty() @IsUUID() factoryId: string;
  @ApiProperty({ example: 'DTG' }) @IsString() @MinLength(1) @MaxLength(64) printMethod: string;
  @ApiProperty({ type: [String], description: "Fulfillment items of this factory's fulfillments, none already in an open batch" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  fulfillmentItemIds: string[];
  @ApiPropertyOptional({ example: 'PB-20261202-A1B2C3', description: 'Unique; generated (PB-<date>-<random>) when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(BATCH_NUMBER, { message: 'batchNumber must be upper-case letters and digits separated by single hyphens' })
  batchNumber?: string;
  @ApiPropertyOptional({ description: 'When the batch is planned for (ISO 8601); now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedAt?: string;
}

export class ProductionStatusDto {
  @ApiProperty({ enum: PRODUCTION_TARGETS, description: 'PLANNED -> IN_PROGRESS -> COMPLETED; CANCELLED before COMPLETED' })
  @IsIn(PRODUCTION_TARGETS)
  status: ProductionTarget;
}

export class ProductionFilter {
  @ApiPropertyOptional() @IsOptional() @IsUUID() factoryId?: string;
  @ApiPropertyOptional({ enum: PRODUCTION_STATUSES }) @IsOptional() @IsIn(PRODUCTION_STATUSES) status?: ProductionStatusName;
}

export class DefectDto {
  @ApiProperty({ example: 'INK_SMEAR' }) @IsString() @MinLength(1) @MaxLength(64) code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) description: string;
  @ApiProperty({ enum: DEFECT_SEVERITIES }) @IsIn(DEFECT_SEVERITIES) severity: DefectSeverity;
}

export class CreateQualityCheckDto {
  @ApiProperty({ enum: QUALITY_CHECK_STAGES }) @IsIn(QUALITY_CHECK_STAGES) stage: QualityCheckStageName;
  @ApiProperty({ enum: QUALITY_CHECK_RESULTS, description: 'A FAIL at POST_PRODUCTION or PRE_SHIPPING sends the item to reprint' })
  @IsIn(QUALITY_CHECK_RESULTS)
  result: QualityCheckResultName;
  @ApiPropertyOptional({ description: 'The production item checked; without it the check is about the whole batch' })
  @IsOptional()
  @IsUUID()
  productionItemId?: string;
  @ApiPropertyOptional({ type: [DefectDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DefectDto)
  defects?: DefectDto[];
  @ApiPropertyOptional({ type: [String], description: 'Photo URLs (http or https)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  photos?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

export class DefectView {
  @ApiProperty() code: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: DEFECT_SEVERITIES }) severity: DefectSeverity;
}

export class QualityCheckView {
  @ApiProperty() id: string;
  @ApiProperty() productionId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) productionItemId: string | null;
  @ApiProperty({ enum: QUALITY_CHECK_STAGES }) stage: QualityCheckStageName;
  @ApiProperty({ enum: QUALITY_CHECK_RESULTS }) result: QualityCheckResultName;
  @ApiProperty({ type: [DefectView] }) defects: DefectView[];
  @ApiPropertyOptional({ nullable: true, type: String }) inspectorId: string | null;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() checkedAt: string;
}

export const QUALITY_CHECK_ACTIONS = ['NONE', 'REPRINT', 'FAILED'] as const;
export type QualityCheckAction = (typeof QUALITY_CHECK_ACTIONS)[number];

/** The recorded check and what it did to the item: sent to reprint (the new production item) or failed past the limit. */
export class RecordedQualityCheckView extends QualityCheckView {
  @ApiProperty({ enum: QUALITY_CHECK_ACTIONS }) action: QualityCheckAction;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The reprint production item, when one was made' })
  reprintItemId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The batch of the reprint (a new one when the batch was completed)' })
  reprintProductionId: string | null;
}

export class ProductionItemView {
  @ApiProperty() id: string;
  @ApiProperty() productionId: string;
  @ApiProperty() fulfillmentItemId: string;
  @ApiProperty() fulfillmentId: string;
  @ApiProperty() quantity: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The production item this one reprints' })
  reprintOfId: string | null;
  @ApiProperty({ enum: PRODUCTION_ITEM_STATUSES }) status: ProductionItemStatus;
  @ApiProperty({ description: "The fulfillment item's reprints so far" }) reprintCount: number;
  @ApiProperty() createdAt: string;
}

export class ProductionView {
  @ApiProperty() id: string;
  @ApiProperty() factoryId: string;
  @ApiProperty() batchNumber: string;
  @ApiPropertyOptional({ nullable: true, type: String }) printMethod: string | null;
  @ApiProperty({ enum: PRODUCTION_STATUSES }) status: ProductionStatusName;
  @ApiPropertyOptional({ nullable: true, type: String }) plannedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) startedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ProductionDetailView extends ProductionView {
  @ApiProperty({ type: [ProductionItemView] }) items: ProductionItemView[];
  @ApiProperty({ type: [QualityCheckView] }) qualityChecks: QualityCheckView[];
}

export class ProductionTimelineEntry {
  @ApiProperty({ enum: PRODUCTION_STATUSES }) status: ProductionStatusName;
  @ApiProperty() at: string;
}

export class ProductionTimelineView {
  @ApiProperty() productionId: string;
  @ApiProperty({ enum: PRODUCTION_STATUSES }) status: ProductionStatusName;
  @ApiProperty({ type: [ProductionTimelineEntry], description: 'The steps the batch went through, oldest first' })
  steps: ProductionTimelineEntry[];
}
