import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { AuditLogFilter, AuditLogView, ImpersonatedRequestRecord } from './admin.dto';
import { PageQuery, pageOf } from '@suite/contracts/core';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';

export class AuditLogQuery extends IntersectionType(AuditLogFilter, PageQuery) {}
export class AuditRecordRequest extends ClientAware {
  @ValidateNested() @Type(() => ImpersonatedRequestRecord) request: ImpersonatedRequestRecord;
}

export const AuditList = operation({
  subject: IdentitySubjects.AuditList,
  request: AuditLogQuery,
  response: pageOf(AuditLogView),
  permissions: ['audit-logs:read'],
  http: {
    method: 'GET',
    path: 'audit-logs',
    query: AuditLogQuery,
    summary: 'Audit rows, newest first, with before/after values; cursor pagination',
  },
});

/** Gateway -> identity (internal): a mutating request made under impersonation was answered; write its audit row. */
export const AuditRecord = operation<AuditRecordRequest, undefined, { recorded: true }>({
  subject: IdentitySubjects.AuditRecord,
  request: AuditRecordRequest,
});

export const AuditOperations = [AuditList];
