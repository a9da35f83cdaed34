import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { CreateSilenceDto, SilenceListQuery, SilenceView } from './silences.dto';
import { AlertingSubjects } from './subjects';

export class SilenceRef {
  @IsUUID() silenceId: string;
}
export class CreateSilenceRequest {
  @ValidateNested() @Type(() => CreateSilenceDto) body: CreateSilenceDto;
}

export const SilenceList = operation({
  subject: AlertingSubjects.SilenceList,
  request: SilenceListQuery,
  response: pageOf(SilenceView),
  permissions: ['alerts:read'],
  http: { method: 'GET', path: 'silences', query: SilenceListQuery, summary: 'Silences, newest first' },
});

export const SilenceGet = operation({
  subject: AlertingSubjects.SilenceGet,
  request: SilenceRef,
  response: SilenceView,
  permissions: ['alerts:read'],
  http: { method: 'GET', path: 'silences/:silenceId' },
});

export const SilenceCreate = operation({
  subject: AlertingSubjects.SilenceCreate,
  request: CreateSilenceRequest,
  response: SilenceView,
  permissions: ['alerts:create'],
  http: {
    method: 'POST',
    path: 'silences',
    body: CreateSilenceDto,
    summary: 'Silence matching alerts from startsAt to endsAt (stored, not notified)',
  },
});

export const SilenceExpire = operation({
  subject: AlertingSubjects.SilenceExpire,
  request: SilenceRef,
  response: SilenceView,
  permissions: ['alerts:delete'],
  http: { method: 'DELETE', path: 'silences/:silenceId', summary: 'End a silence now' },
});

export const SilenceOperations = [SilenceList, SilenceGet, SilenceCreate, SilenceExpire];
