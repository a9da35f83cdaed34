import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { AcknowledgeAlertDto, AlertListQuery, AlertView, ResolveAlertDto, SnoozeAlertDto } from './alerts.dto';
import { AlertingSubjects } from './subjects';

export class AlertRef {
  @IsUUID() alertId: string;
}
export class AcknowledgeAlertRequest extends AlertRef {
  @ValidateNested() @Type(() => AcknowledgeAlertDto) body: AcknowledgeAlertDto;
}
export class SnoozeAlertRequest extends AlertRef {
  @ValidateNested() @Type(() => SnoozeAlertDto) body: SnoozeAlertDto;
}
export class ResolveAlertRequest extends AlertRef {
  @ValidateNested() @Type(() => ResolveAlertDto) body: ResolveAlertDto;
}

export const AlertList = operation({
  subject: AlertingSubjects.AlertList,
  request: AlertListQuery,
  response: pageOf(AlertView),
  permissions: ['alerts:read'],
  http: {
    method: 'GET',
    path: 'alerts',
    query: AlertListQuery,
    summary: 'Alerts, newest first: growers their devices, teams their stores, staff all',
  },
});

export const AlertGet = operation({
  subject: AlertingSubjects.AlertGet,
  request: AlertRef,
  response: AlertView,
  permissions: ['alerts:read'],
  http: { method: 'GET', path: 'alerts/:alertId' },
});

export const AlertAcknowledge = operation({
  subject: AlertingSubjects.AlertAcknowledge,
  request: AcknowledgeAlertRequest,
  response: AlertView,
  permissions: ['alerts:update'],
  http: {
    method: 'POST',
    path: 'alerts/:alertId/acknowledge',
    body: AcknowledgeAlertDto,
    summary: 'Acknowledge an alert (a recipient): stops its escalation; with an expiry it notifies again if still open',
  },
});

export const AlertSnooze = operation({
  subject: AlertingSubjects.AlertSnooze,
  request: SnoozeAlertRequest,
  response: AlertView,
  permissions: ['alerts:update'],
  http: { method: 'POST', path: 'alerts/:alertId/snooze', body: SnoozeAlertDto, summary: 'Snooze an alert until a time; it returns then' },
});

export const AlertResolve = operation({
  subject: AlertingSubjects.AlertResolve,
  request: ResolveAlertRequest,
  response: AlertView,
  permissions: ['alerts:update'],
  http: { method: 'POST', path: 'alerts/:alertId/resolve', body: ResolveAlertDto, summary: 'Resolve an alert by hand' },
});

export const AlertOperations = [AlertList, AlertGet, AlertAcknowledge, AlertSnooze, AlertResolve];
