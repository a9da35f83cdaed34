import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { DeletedView, pageOf } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateImportRequest,
  CreateImportTemplateDto,
  ImportFileLinkView,
  ImportErrorsQuery,
  ImportErrorView,
  ImportJobView,
  ImportListQuery,
  ImportRef,
  ImportTemplateListQuery,
  ImportTemplateRef,
  ImportTemplateView,
  UpdateImportTemplateDto,
} from './imports.dto';
import { ImportSubjects } from './imports.subjects';

export class ImportErrorsRequest extends IntersectionType(ImportRef, ImportErrorsQuery) {}
export class CreateImportTemplateRequest {
  @ValidateNested() @Type(() => CreateImportTemplateDto) body: CreateImportTemplateDto;
}
export class UpdateImportTemplateRequest extends ImportTemplateRef {
  @ValidateNested() @Type(() => UpdateImportTemplateDto) body: UpdateImportTemplateDto;
}

/**
 * Import jobs. The upload itself is the gateway's multipart route POST imports (it stores the file and
 * sends ImportCreate). Staff (admins) see every job; anyone else their own jobs only (another's is 404).
 */
export const ImportCreate = operation({
  subject: ImportSubjects.ImportCreate,
  request: CreateImportRequest,
  response: ImportJobView,
  permissions: ['imports:create'],
});

export const ImportList = operation({
  subject: ImportSubjects.ImportList,
  request: ImportListQuery,
  response: pageOf(ImportJobView),
  permissions: ['imports:read'],
  http: { method: 'GET', path: 'imports', query: ImportListQuery, summary: 'Import jobs (your own; staff: all), newest first' },
});

export const ImportGet = operation({
  subject: ImportSubjects.ImportGet,
  request: ImportRef,
  response: ImportJobView,
  permissions: ['imports:read'],
  http: { method: 'GET', path: 'imports/:jobId', summary: 'One import job with its progress' },
});

export const ImportErrors = operation({
  subject: ImportSubjects.ImportErrors,
  request: ImportErrorsRequest,
  response: pageOf(ImportErrorView),
  permissions: ['imports:read'],
  http: { method: 'GET', path: 'imports/:jobId/errors', query: ImportErrorsQuery, summary: "The job's row errors and warnings, by row" },
});

export const ImportErrorReport = operation({
  subject: ImportSubjects.ImportErrorReport,
  request: ImportRef,
  response: ImportFileLinkView,
  permissions: ['imports:read'],
  http: {
    method: 'GET',
    path: 'imports/:jobId/error-report',
    summary: 'A signed, expiring link to the CSV error report of a finished job',
  },
});

export const ImportCancel = operation({
  subject: ImportSubjects.ImportCancel,
  request: ImportRef,
  response: ImportJobView,
  permissions: ['imports:update'],
  http: {
    method: 'POST',
    path: 'imports/:jobId/cancel',
    status: 200,
    summary: 'A queued job is cancelled now; a running one stops at its next batch (what was written stays)',
  },
});

export const TemplateCreate = operation({
  subject: ImportSubjects.TemplateCreate,
  request: CreateImportTemplateRequest,
  response: ImportTemplateView,
  permissions: ['imports:create'],
  http: {
    method: 'POST',
    path: 'import-templates',
    body: CreateImportTemplateDto,
    summary: 'A template: header mapping, sample rows, rules',
  },
});

export const TemplateList = operation({
  subject: ImportSubjects.TemplateList,
  request: ImportTemplateListQuery,
  response: pageOf(ImportTemplateView),
  permissions: ['imports:read'],
  http: { method: 'GET', path: 'import-templates', query: ImportTemplateListQuery, summary: 'Stored templates, newest first' },
});

export const TemplateDefaults = operation({
  subject: ImportSubjects.TemplateDefaults,
  request: ImportTemplateListQuery,
  response: [ImportTemplateView],
  permissions: ['imports:read'],
  http: {
    method: 'GET',
    path: 'import-templates/defaults',
    query: ImportTemplateListQuery,
    summary: 'The built-in templates of the supported entity types',
  },
});

export const TemplateGet = operation({
  subject: ImportSubjects.TemplateGet,
  request: ImportTemplateRef,
  response: ImportTemplateView,
  permissions: ['imports:read'],
  http: { method: 'GET', path: 'import-templates/:templateId', summary: 'One template (stored or built-in)' },
});

export const TemplateUpdate = operation({
  subject: ImportSubjects.TemplateUpdate,
  request: UpdateImportTemplateRequest,
  response: ImportTemplateView,
  permissions: ['imports:update'],
  http: {
    method: 'PATCH',
    path: 'import-templates/:templateId',
    body: UpdateImportTemplateDto,
    summary: 'Change your template (staff: any)',
  },
});

export const TemplateDelete = operation({
  subject: ImportSubjects.TemplateDelete,
  request: ImportTemplateRef,
  response: DeletedView,
  permissions: ['imports:delete'],
  http: { method: 'DELETE', path: 'import-templates/:templateId', summary: 'Delete a stored template' },
});

export const TemplateSample = operation({
  subject: ImportSubjects.TemplateSample,
  request: ImportTemplateRef,
  response: ImportFileLinkView,
  permissions: ['imports:read'],
  http: { method: 'GET', path: 'import-templates/:templateId/sample', summary: "A signed link to a sample file in the template's format" },
});

export const ImportOperations = [ImportList, ImportGet, ImportErrors, ImportErrorReport, ImportCancel];
export const ImportTemplateOperations = [
  TemplateCreate,
  TemplateList,
  TemplateDefaults,
  TemplateGet,
  TemplateUpdate,
  TemplateDelete,
  TemplateSample,
];
