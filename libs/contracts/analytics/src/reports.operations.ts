import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateReportDto,
  CreateSubscriptionDto,
  ExecutionView,
  ReportFilter,
  ReportRemovedView,
  ReportView,
  SubscriptionView,
  UnsubscribedView,
  UpdateReportDto,
} from './reports.dto';
import { ReportSubjects } from './reports.subjects';

export class ReportRef {
  @IsUUID() reportId: string;
}
export class ExecutionRef extends ReportRef {
  @IsUUID() executionId: string;
}
export class SubscriptionRef extends ReportRef {
  @IsUUID() subscriptionId: string;
}
export class CreateReportRequest {
  @ValidateNested() @Type(() => CreateReportDto) body: CreateReportDto;
}
export class UpdateReportRequest extends ReportRef {
  @ValidateNested() @Type(() => UpdateReportDto) body: UpdateReportDto;
}
export class CreateSubscriptionRequest extends ReportRef {
  @ValidateNested() @Type(() => CreateSubscriptionDto) body: CreateSubscriptionDto;
}
export class ReportListQuery extends IntersectionType(ReportFilter, PageQuery) {}
export class ExecutionListQuery extends IntersectionType(ReportRef, PageQuery) {}
export class UnsubscribeQuery {
  @IsString() @MaxLength(512) token: string;
}

/**
 * Report definitions. Staff (admins, finance) see every report; anyone else only the reports of
 * their teams (another team's report, or a platform-wide one, is 404).
 */
export const ReportCreate = operation({
  subject: ReportSubjects.ReportCreate,
  request: CreateReportRequest,
  response: ReportView,
  permissions: ['reports:create'],
  http: {
    method: 'POST',
    path: 'reports',
    body: CreateReportDto,
    summary: 'Define a report; its columns, cron and time zone are checked now',
  },
});

export const ReportList = operation({
  subject: ReportSubjects.ReportList,
  request: ReportListQuery,
  response: pageOf(ReportView),
  permissions: ['reports:read'],
  http: { method: 'GET', path: 'reports', query: ReportListQuery, summary: 'Reports the caller may see, newest first; cursor pagination' },
});

export const ReportGet = operation({
  subject: ReportSubjects.ReportGet,
  request: ReportRef,
  response: ReportView,
  permissions: ['reports:read'],
  http: { method: 'GET', path: 'reports/:reportId', summary: 'One report definition' },
});

export const ReportUpdate = operation({
  subject: ReportSubjects.ReportUpdate,
  request: UpdateReportRequest,
  response: ReportView,
  permissions: ['reports:update'],
  http: { method: 'PATCH', path: 'reports/:reportId', body: UpdateReportDto, summary: 'Change a report; a new schedule starts from now' },
});

export const ReportDelete = operation({
  subject: ReportSubjects.ReportDelete,
  request: ReportRef,
  response: ReportRemovedView,
  permissions: ['reports:delete'],
  http: { method: 'DELETE', path: 'reports/:reportId', summary: 'Delete a report with its executions and subscriptions' },
});

export const ExecutionRun = operation({
  subject: ReportSubjects.ExecutionRun,
  request: ReportRef,
  response: ExecutionView,
  permissions: ['reports:execute'],
  http: {
    method: 'POST',
    path: 'reports/:reportId/executions',
    status: 202,
    summary: 'Run a report now: a PENDING execution a worker picks up',
  },
});

export const ExecutionList = operation({
  subject: ReportSubjects.ExecutionList,
  request: ExecutionListQuery,
  response: pageOf(ExecutionView),
  permissions: ['reports:read'],
  http: { method: 'GET', path: 'reports/:reportId/executions', query: PageQuery, summary: "A report's runs, newest first" },
});

export const ExecutionGet = operation({
  subject: ReportSubjects.ExecutionGet,
  request: ExecutionRef,
  response: ExecutionView,
  permissions: ['reports:read'],
  http: { method: 'GET', path: 'reports/:reportId/executions/:executionId', summary: 'One run, with a fresh signed link to its file' },
});

export const ExecutionCancel = operation({
  subject: ReportSubjects.ExecutionCancel,
  request: ExecutionRef,
  response: ExecutionView,
  permissions: ['reports:execute'],
  http: {
    method: 'POST',
    path: 'reports/:reportId/executions/:executionId/cancel',
    status: 200,
    summary: 'Cancel a run: a PENDING one at once, a RUNNING one at its next batch of rows (409 once it finished)',
  },
});

export const SubscriptionCreate = operation({
  subject: ReportSubjects.SubscriptionCreate,
  request: CreateSubscriptionRequest,
  response: SubscriptionView,
  permissions: ['reports:read'],
  http: {
    method: 'POST',
    path: 'reports/:reportId/subscriptions',
    body: CreateSubscriptionDto,
    summary: 'Subscribe yourself on one channel (one subscription per report, user and channel; again = update)',
  },
});

export const SubscriptionList = operation({
  subject: ReportSubjects.SubscriptionList,
  request: ReportRef,
  response: [SubscriptionView],
  permissions: ['reports:read'],
  http: { method: 'GET', path: 'reports/:reportId/subscriptions', summary: "Your subscriptions to the report (staff: everyone's)" },
});

export const SubscriptionDelete = operation({
  subject: ReportSubjects.SubscriptionDelete,
  request: SubscriptionRef,
  response: UnsubscribedView,
  permissions: ['reports:read'],
  http: { method: 'DELETE', path: 'reports/:reportId/subscriptions/:subscriptionId', summary: 'Unsubscribe' },
});

export const Unsubscribe = operation({
  subject: ReportSubjects.Unsubscribe,
  request: UnsubscribeQuery,
  response: UnsubscribedView,
  http: {
    method: 'GET',
    path: 'report-subscriptions/unsubscribe',
    public: true,
    query: UnsubscribeQuery,
    summary: 'Unsubscribe by the signed link a report mail carries',
  },
});

export const ReportOperations = [
  ReportCreate,
  ReportList,
  ReportGet,
  ReportUpdate,
  ReportDelete,
  ExecutionRun,
  ExecutionList,
  ExecutionGet,
  ExecutionCancel,
  SubscriptionCreate,
  SubscriptionList,
  SubscriptionDelete,
  Unsubscribe,
];
