import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';

/**
 * Bulk writes for analytics' import jobs, the same for every owner (catalog, identity, ...): no HTTP route,
 * the rows arrive from the job worker with the identity of the caller who uploaded the file. One batch is one
 * transaction; each row is an idempotent upsert on its natural key, so a resumed or repeated import updates
 * rather than duplicates.
 */
/** The largest batch one request carries. */
export const MAX_IMPORT_BATCH = 2000;

export class ImportBatchRow {
  /** The row's number in the file (the header is row 1), echoed back in its result. */
  @IsInt() @Min(1) rowNumber: number;
  /** Field name -> the text read from the file; empty cells are absent. */
  @IsObject() values: Record<string, string>;
}

export class ImportBatchRequest {
  @IsArray() @ArrayMaxSize(MAX_IMPORT_BATCH) @ValidateNested({ each: true }) @Type(() => ImportBatchRow) rows: ImportBatchRow[];
  /** Validate against the database inside a transaction that is rolled back: nothing is written. */
  @IsOptional() @IsBoolean() dryRun?: boolean;
  /** The store a product row without a storeId column goes to. */
  @IsOptional() @IsUUID() defaultStoreId?: string;
}

export const IMPORT_ERROR_TYPES = ['VALIDATION', 'CONSTRAINT', 'FORMAT', 'BUSINESS_RULE'] as const;
export type ImportErrorTypeName = (typeof IMPORT_ERROR_TYPES)[number];

export class ImportRowProblem {
  @ApiProperty() field: string;
  @ApiProperty({ enum: IMPORT_ERROR_TYPES }) errorType: ImportErrorTypeName;
  @ApiProperty({ enum: ['ERROR', 'WARNING'] }) severity: 'ERROR' | 'WARNING';
  @ApiProperty() errorCode: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() suggestion?: string;
  @ApiPropertyOptional() expectedFormat?: string;
}

export class ImportRowResult {
  @ApiProperty() rowNumber: number;
  /** created / updated for a written (or, in a dry run, writable) row; error when it was refused. */
  @ApiProperty({ enum: ['created', 'updated', 'error'] }) outcome: 'created' | 'updated' | 'error';
  @ApiPropertyOptional() id?: string;
  @ApiProperty({ type: [ImportRowProblem] }) problems: ImportRowProblem[];
}

export class ImportBatchResponse {
  @ApiProperty({ type: [ImportRowResult] }) results: ImportRowResult[];
}
