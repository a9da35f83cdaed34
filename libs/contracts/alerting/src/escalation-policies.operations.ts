import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, pageOf } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateEscalationPolicyDto,
  EscalationPolicyListQuery,
  EscalationPolicyView,
  UpdateEscalationPolicyDto,
} from './escalation-policies.dto';
import { AlertingSubjects } from './subjects';

export class EscalationPolicyRef {
  @IsUUID() escalationPolicyId: string;
}
export class CreateEscalationPolicyRequest {
  @ValidateNested() @Type(() => CreateEscalationPolicyDto) body: CreateEscalationPolicyDto;
}
export class UpdateEscalationPolicyRequest extends EscalationPolicyRef {
  @ValidateNested() @Type(() => UpdateEscalationPolicyDto) body: UpdateEscalationPolicyDto;
}

export const EscalationPolicyList = operation({
  subject: AlertingSubjects.EscalationPolicyList,
  request: EscalationPolicyListQuery,
  response: pageOf(EscalationPolicyView),
  permissions: ['alerts:read'],
  http: { method: 'GET', path: 'escalation-policies', query: EscalationPolicyListQuery, summary: 'Escalation policies, newest first' },
});

export const EscalationPolicyGet = operation({
  subject: AlertingSubjects.EscalationPolicyGet,
  request: EscalationPolicyRef,
  response: EscalationPolicyView,
  permissions: ['alerts:read'],
  http: { method: 'GET', path: 'escalation-policies/:escalationPolicyId' },
});

export const EscalationPolicyCreate = operation({
  subject: AlertingSubjects.EscalationPolicyCreate,
  request: CreateEscalationPolicyRequest,
  response: EscalationPolicyView,
  permissions: ['alerts:create'],
  http: {
    method: 'POST',
    path: 'escalation-policies',
    body: CreateEscalationPolicyDto,
    summary: 'Add an escalation policy (ordered steps)',
  },
});

export const EscalationPolicyUpdate = operation({
  subject: AlertingSubjects.EscalationPolicyUpdate,
  request: UpdateEscalationPolicyRequest,
  response: EscalationPolicyView,
  permissions: ['alerts:update'],
  http: {
    method: 'PATCH',
    path: 'escalation-policies/:escalationPolicyId',
    body: UpdateEscalationPolicyDto,
    summary: 'Change an escalation policy',
  },
});

export const EscalationPolicyDelete = operation({
  subject: AlertingSubjects.EscalationPolicyDelete,
  request: EscalationPolicyRef,
  response: DeletedView,
  permissions: ['alerts:delete'],
  http: { method: 'DELETE', path: 'escalation-policies/:escalationPolicyId', summary: 'Delete an escalation policy (soft)' },
});

export const EscalationPolicyOperations = [
  EscalationPolicyList,
  EscalationPolicyGet,
  EscalationPolicyCreate,
  EscalationPolicyUpdate,
  EscalationPolicyDelete,
];
