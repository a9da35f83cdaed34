import { Type } from 'class-transformer';
import { IsString, Matches, ValidateNested } from 'class-validator';
import { DeletedView, pageOf, SETTING_KEY } from '@suite/contracts/core';
import { ClientAware, operation } from '@suite/contracts/identity';
import { CreateSettingDto, SettingListQuery, SettingView, UpdateSettingDto } from './settings.dto';
import { SettingsSubjects } from './settings.subjects';

/** A key in the path, plus where the call came from (for the audit row of a change). */
export class SettingRef extends ClientAware {
  @IsString() @Matches(SETTING_KEY, { message: 'key must be letters, digits and ._- (up to 100)' }) key: string;
}
export class CreateSettingRequest extends ClientAware {
  @ValidateNested() @Type(() => CreateSettingDto) body: CreateSettingDto;
}
export class UpdateSettingRequest extends SettingRef {
  @ValidateNested() @Type(() => UpdateSettingDto) body: UpdateSettingDto;
}

/** A change answers once its event is on the bus (up to 2 s more than the transaction), so every cache has dropped the key. */
const WRITE_TIMEOUT_MS = 10000;

/** SystemConfig rows; public ones are also readable anonymously through `GET /system-config/public`. */
export const SettingList = operation({
  subject: SettingsSubjects.SettingList,
  request: SettingListQuery,
  response: pageOf(SettingView),
  permissions: ['settings:read'],
  http: { method: 'GET', path: 'settings', query: SettingListQuery, summary: 'Settings by key, filtered by category; cursor pagination' },
});

export const SettingGet = operation({
  subject: SettingsSubjects.SettingGet,
  request: SettingRef,
  response: SettingView,
  permissions: ['settings:read'],
  http: { method: 'GET', path: 'settings/:key', summary: 'One setting with its JSON Schema' },
});

export const SettingCreate = operation({
  subject: SettingsSubjects.SettingCreate,
  request: CreateSettingRequest,
  response: SettingView,
  permissions: ['settings:create'],
  http: {
    method: 'POST',
    path: 'settings',
    body: CreateSettingDto,
    client: true,
    timeoutMs: WRITE_TIMEOUT_MS,
    summary: 'Create a setting; its value must satisfy its JSON Schema (400 naming the failing path otherwise)',
  },
});

export const SettingUpdate = operation({
  subject: SettingsSubjects.SettingUpdate,
  request: UpdateSettingRequest,
  response: SettingView,
  permissions: ['settings:update'],
  http: {
    method: 'PATCH',
    path: 'settings/:key',
    body: UpdateSettingDto,
    client: true,
    timeoutMs: WRITE_TIMEOUT_MS,
    summary: 'Change a setting; every service sees the new value at once (their caches drop it on the change event)',
  },
});

export const SettingDelete = operation({
  subject: SettingsSubjects.SettingDelete,
  request: SettingRef,
  response: DeletedView,
  permissions: ['settings:delete'],
  http: {
    method: 'DELETE',
    path: 'settings/:key',
    client: true,
    timeoutMs: WRITE_TIMEOUT_MS,
    summary: 'Delete a setting (services fall back to their defaults)',
  },
});

export const SettingOperations = [SettingList, SettingGet, SettingCreate, SettingUpdate, SettingDelete];
