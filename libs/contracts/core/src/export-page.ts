import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** What can be exported (and imported): the EntityType of analytics' ImportExportJob. */
export const EXPORT_ENTITY_TYPES = ['PRODUCT', 'ORDER', 'USER', 'CATEGORY', 'SELLER', 'BUYER', 'TRANSACTION', 'INVENTORY'] as const;
export type ExportEntityTypeName = (typeof EXPORT_ENTITY_TYPES)[number];

/**
 * Every filter any owner applies to an export. Which ones an entity type takes (and the values of
 * `status`) is the owner's rule; analytics checks them when the job is created so a bad one is a 400.
 */
export class ExportFilters {
  @ApiPropertyOptional({ description: "The entity's status (its owner's enum)", maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ description: 'Created at or after (ISO-8601)' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'Created before (ISO-8601)' }) @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ description: 'Name (or email) contains', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** Rows per page an owner answers an export with at most (a page is one NATS reply, so it stays well under 1 MB). */
export const MAX_EXPORT_PAGE_ROWS = 2000;

/**
 * One page of an export, asked of the owning service by analytics' export worker on behalf of the
 * job's creator (their identity travels as the caller, so the owner applies its own access rules).
 * Keyset pagination: `after` is the `next` of the previous page.
 */
export class ExportPageRequest {
  @IsIn(EXPORT_ENTITY_TYPES) entityType: ExportEntityTypeName;
  @ValidateNested() @Type(() => ExportFilters) filters: ExportFilters;
  @IsOptional() @IsString() @MaxLength(512) after?: string;
  @IsInt() @Min(1) @Max(MAX_EXPORT_PAGE_ROWS) limit: number;
  /** Also count every matching row (asked on the first page only). */
  @IsOptional() @IsBoolean() count?: boolean;
}

/** Cells are text (money as written, times ISO-8601, lists joined by `|`) or null (also an empty list), in `columns` order. */
export interface ExportPageResponse {
  columns: string[];
  rows: (string | null)[][];
  /** Pass as `after` for the next page; null after the last one. */
  next: string | null;
  total: number | null;
}

/** The filters one entity type takes and the values its `status` may have (the owner's enum). */
export interface ExportFilterRule {
  filters: readonly (keyof ExportFilters)[];
  statuses?: readonly string[];
}

/**
 * The first filter an entity type does not take, or a status it does not know, as the field and
 * the message a 400 names; null when every filter applies. Analytics checks at create time, the
 * owner again on each page (it is the one that knows).
 */
export function exportFilterError(filters: ExportFilters | undefined, rule: ExportFilterRule): { field: string; message: string } | null {
  for (const [key, value] of Object.entries(filters ?? {})) {
    if (value === undefined || value === null) continue;
    if (!rule.filters.includes(key as keyof ExportFilters))
      return {
        field: `filters.${key}`,
        message: `filters.${key} does not apply to this entity type (it takes ${rule.filters.join(', ') || 'none'})`,
      };
  }
  const status = filters?.status;
  if (status !== undefined && rule.statuses && !rule.statuses.includes(status))
    return { field: 'filters.status', message: `filters.status must be one of ${rule.statuses.join(', ')}` };
  if (filters?.from && filters.to && Date.parse(filters.from) >= Date.parse(filters.to))
    return { field: 'filters.to', message: 'filters.to must be after filters.from' };
  return null;
}
