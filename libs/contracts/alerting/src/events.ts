import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID } from 'class-validator';
import { ALERT_CATEGORIES, ALERT_PRIORITIES } from './alert-rules.dto';
import { AlertingEvents } from './subjects';

/** Published when an alert opens (not on repeats of an open one) and when it resolves; analytics counts them. */
export class AlertEventPayload {
  @IsUUID() alertId: string;
  @IsUUID() ruleId: string;
  @IsString() fingerprint: string;
  @IsIn(ALERT_CATEGORIES) category: string;
  @IsIn(ALERT_PRIORITIES) priority: string;
  @IsString() eventType: string;
  @IsString() status: string;
  @IsInt() occurrenceCount: number;
  @IsOptional() @IsString() ownerUserId?: string | null;
  @IsOptional() @IsString() teamId?: string | null;
  @IsOptional() @IsArray() tags?: string[];
  @IsString() at: string;
}

export const AlertRaised = { subject: AlertingEvents.AlertRaised, payload: AlertEventPayload, version: 1 } as const;
export const AlertResolved = { subject: AlertingEvents.AlertResolved, payload: AlertEventPayload, version: 1 } as const;
