import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { CreateExportDto, ExportFilter, ExportJobView } from './exports.dto';
import { ExportSubjects } from './exports.subjects';

export class ExportRef {
  @IsString() @MaxLength(40) @Matches(/^[a-z0-9]+$/, { message: 'exportId must be an export id' }) exportId: string;
}
export class CreateExportRequest {
  @ValidateNested() @Type(() => CreateExportDto) body: CreateExportDto;
}
export class ExportListQuery extends IntersectionType(ExportFilter, PageQuery) {}

/**
 * Exports: a QUEUED job an analytics worker runs, reading the rows page by page from the service
 * that owns them (which applies its own access rules for the job's creator) into the file store.
 * Everyone sees their own jobs; admins everyone's.
 */
export const ExportCreate = operation({
  subject: ExportSubjects.ExportCreate,
  request: CreateExportRequest,
  response: ExportJobView,
  permissions: ['exports:create'],
  http: {
    method: 'POST',
    path: 'exports',
    body: CreateExportDto,
    status: 202,
    summary: 'Queue an export of one entity type to CSV, EXCEL, JSON or XML (URGENT before NORMAL before LOW)',
  },
});

export const ExportList = operation({
  subject: ExportSubjects.ExportList,
  request: ExportListQuery,
  response: pageOf(ExportJobView),
  permissions: ['exports:read'],
  http: { method: 'GET', path: 'exports', query: ExportListQuery, summary: 'Your exports (admins: everyone’s), newest first' },
});

export const ExportGet = operation({
  subject: ExportSubjects.ExportGet,
  request: ExportRef,
  response: ExportJobView,
  permissions: ['exports:read'],
  http: { method: 'GET', path: 'exports/:exportId', summary: 'Status and progress; when COMPLETED a fresh expiring download link' },
});

export const ExportCancel = operation({
  subject: ExportSubjects.ExportCancel,
  request: ExportRef,
  response: ExportJobView,
  permissions: ['exports:create'],
  http: {
    method: 'POST',
    path: 'exports/:exportId/cancel',
    status: 200,
    summary: 'Cancel: a QUEUED export at once, a running one at its next page (409 once it ended)',
  },
});

export const ExportOperations = [ExportCreate, ExportList, ExportGet, ExportCancel];
