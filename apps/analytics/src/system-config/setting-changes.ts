import { ClientInfo } from '@suite/contracts/identity';
import { SettingAction, SettingChangedPayload } from '@suite/contracts/core';
import { SettingView } from '@suite/contracts/analytics';
import { CallerIdentity, FieldViolation, invalid, notFound } from '@suite/platform';
import { checkSchema, validateValue } from './setting-schema';

export interface SettingRow {
  id: string;
  key: string;
  value: unknown;
  schema: unknown;
  description: string | null;
  category: string | null;
  isPublic: boolean;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const toSettingView = (row: SettingRow): SettingView => ({
  id: row.id,
  key: row.key,
  value: row.value,
  schema: row.schema ?? null,
  description: row.description,
  category: row.category,
  isPublic: row.isPublic,
  updatedBy: row.updatedBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const settingNotFound = (key: string) => notFound('ANALYTICS.SETTING_NOT_FOUND', 'No such setting.', { key });

/**
 * The one rule of a setting's value: not null, and it satisfies the key's schema (itself a valid JSON
 * Schema). Every violation is reported, on `body.value...` / `body.schema`, as the gateway names fields.
 */
export function assertValidSetting(schema: unknown, value: unknown): void {
  const errors: FieldViolation[] = [];
  if (value === null) errors.push({ field: 'body.value', messages: ['value must not be null'] });
  const schemaErrors = schema === null || schema === undefined ? [] : checkSchema(schema, 'body.schema');
  errors.push(...schemaErrors);
  if (errors.length === 0) errors.push(...validateValue(schema, value, 'body.value'));
  if (errors.length > 0)
    throw invalid('ANALYTICS.INVALID_SETTING', `Invalid setting: ${errors.map((e) => e.field).join(', ')}.`, { errors });
}

/** The change event: identity turns it into an audit row, every service's settings cache drops the key. */
export function changeOf(
  action: SettingAction,
  caller: CallerIdentity,
  client: ClientInfo | undefined,
  before: SettingRow | null,
  after: SettingRow | null,
): SettingChangedPayload {
  const row = after ?? before;
  if (!row) throw new Error('a change has a row before or after it');
  return {
    key: row.key,
    action,
    ...(before ? { previousValue: before.value } : {}),
    ...(after ? { value: after.value } : {}),
    category: row.category,
    isPublic: row.isPublic,
    changedBy: caller.userId ?? null,
    impersonatorId: caller.impersonatorId ?? null,
    ipAddress: client?.ipAddress ?? null,
    userAgent: client?.userAgent ?? null,
    occurredAt: new Date().toISOString(),
  };
}
