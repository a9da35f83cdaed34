import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { operationsWith } from './operation';

/**
 * The wire contract of system settings as every service reads them (analytics owns SystemConfig).
 * It lives here rather than in contracts/analytics because the platform's settings helper reads it,
 * and the platform may import only what is tagged for it.
 */
export const SettingSubjects = {
  /** Internal: the values of some keys, for the platform's settings helper of any service. */
  ReadMany: 'analytics.setting.read-many',
  /** A setting was created, changed or deleted (outbox): identity audits it, every replica's cache drops the key. */
  Changed: 'evt.analytics.setting.changed',
} as const;

/** `site.currency`, `search.logEnabled`: letters, digits and `._-`, starting with a letter. */
export const SETTING_KEY = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

export class SettingsReadManyRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(SETTING_KEY, { each: true })
  keys: string[];
}

export class SettingValue {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Any JSON value' }) value: unknown;
}

const operation = operationsWith<string>();

/** No permission: any service on the bus reads any key; callers outside reach settings through /settings. */
export const SettingsReadMany = operation({
  subject: SettingSubjects.ReadMany,
  request: SettingsReadManyRequest,
  response: [SettingValue],
});

export const SETTING_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type SettingAction = (typeof SETTING_ACTIONS)[number];

/** Before and after of a change, who made it and from where: enough for identity's audit row. */
export class SettingChangedPayload {
  @IsString() @Matches(SETTING_KEY) key: string;
  @IsIn(SETTING_ACTIONS) action: SettingAction;
  /** The value before the change (absent on create). */
  @IsOptional() previousValue?: unknown;
  /** The value after the change (absent on delete). */
  @IsOptional() value?: unknown;
  @IsOptional() @IsString() @MaxLength(100) category?: string | null;
  @IsOptional() isPublic?: boolean;
  @IsOptional() @IsString() changedBy: string | null;
  @IsOptional() @IsString() impersonatorId?: string | null;
  @IsOptional() @IsString() @MaxLength(64) ipAddress?: string | null;
  @IsOptional() @IsString() @MaxLength(512) userAgent?: string | null;
  @IsISO8601() occurredAt: string;
}

export const SettingChanged = { subject: SettingSubjects.Changed, payload: SettingChangedPayload, version: 1 } as const;
