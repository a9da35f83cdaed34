import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, pageOf } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { AlertRuleListQuery, AlertRuleView, CreateAlertRuleDto, UpdateAlertRuleDto } from './alert-rules.dto';
import { AlertingSubjects } from './subjects';

export class AlertRuleRef {
  @IsUUID() alertRuleId: string;
}
export class CreateAlertRuleRequest {
  @ValidateNested() @Type(() => CreateAlertRuleDto) body: CreateAlertRuleDto;
}
export class UpdateAlertRuleRequest extends AlertRuleRef {
  @ValidateNested() @Type(() => UpdateAlertRuleDto) body: UpdateAlertRuleDto;
}

/** Growers see their own rules, team members their team's, staff every rule. */
export const AlertRuleList = operation({
  subject: AlertingSubjects.AlertRuleList,
  request: AlertRuleListQuery,
  response: pageOf(AlertRuleView),
  permissions: ['alerts:read'],
  http: { method: 'GET', path: 'alert-rules', query: AlertRuleListQuery, summary: 'Alert rules, newest first' },
});

export const AlertRuleGet = operation({
  subject: AlertingSubjects.AlertRuleGet,
  request: AlertRuleRef,
  response: AlertRuleView,
  permissions: ['alerts:read'],
  http: { method: 'GET', path: 'alert-rules/:alertRuleId' },
});

export const AlertRuleCreate = operation({
  subject: AlertingSubjects.AlertRuleCreate,
  request: CreateAlertRuleRequest,
  response: AlertRuleView,
  permissions: ['alerts:create'],
  http: {
    method: 'POST',
    path: 'alert-rules',
    body: CreateAlertRuleDto,
    summary: 'Add an alert rule; its condition is validated (400 names the path)',
  },
});

export const AlertRuleUpdate = operation({
  subject: AlertingSubjects.AlertRuleUpdate,
  request: UpdateAlertRuleRequest,
  response: AlertRuleView,
  permissions: ['alerts:update'],
  http: {
    method: 'PATCH',
    path: 'alert-rules/:alertRuleId',
    body: UpdateAlertRuleDto,
    summary: 'Change an alert rule; recipients, when given, replace the stored ones',
  },
});

export const AlertRuleDelete = operation({
  subject: AlertingSubjects.AlertRuleDelete,
  request: AlertRuleRef,
  response: DeletedView,
  permissions: ['alerts:delete'],
  http: { method: 'DELETE', path: 'alert-rules/:alertRuleId', summary: 'Delete an alert rule (soft: its alerts stay)' },
});

export const AlertRuleOperations = [AlertRuleList, AlertRuleGet, AlertRuleCreate, AlertRuleUpdate, AlertRuleDelete];
