import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@suite/contracts/core';

export const ALERT_CATEGORIES = ['SYSTEM', 'SECURITY', 'BUSINESS', 'USER', 'SENSOR', 'ORDER', 'PAYMENT'] as const;
export type AlertCategoryName = (typeof ALERT_CATEGORIES)[number];
export const ALERT_PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type AlertPriorityName = (typeof ALERT_PRIORITIES)[number];
export const ALERT_RECIPIENT_TYPES = ['USER', 'ROLE', 'TEAM', 'OWNER'] as const;
export type AlertRecipientTypeName = (typeof ALERT_RECIPIENT_TYPES)[number];
/** NotificationChannel values (the notifications side owns the enum). */
export const ALERT_CHANNELS = ['EMAIL', 'SMS', 'PUSH', 'IN_APP', 'WEBHOOK'] as const;

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const EVENT_SUBJECT = /^evt\.[a-z-]+\.[a-z-]+\.[a-z-]+$/;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Who is told: a user id, a role name or a team id; OWNER is whoever owns what the alert is about (the grower of the
 * device), so one platform-wide rule tells each grower of their own chambers. channels narrow that recipient's own
 * preferences.
 */
export class AlertRecipientDto {
  @ApiProperty({ enum: ALERT_RECIPIENT_TYPES }) @IsIn(ALERT_RECIPIENT_TYPES) type: AlertRecipientTypeName;
  @ApiPropertyOptional({ description: 'user id, role name (e.g. ADMIN) or team id; not given for OWNER' })
  @ValidateIf((r: AlertRecipientDto) => r.type !== 'OWNER')
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  value: string;
  @ApiPropertyOptional({ enum: ALERT_CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(ALERT_CHANNELS, { each: true })
  channels?: string[];
}

/** When the rule may fire, in a time zone: days 1 (Monday) to 7, from start to end (HH:MM, end exclusive; start > end spans midnight). */
export class ActiveHoursDto {
  @ApiPropertyOptional({ example: 'Asia/Manila' }) @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  @ApiPropertyOptional({ type: [Number], example: [1, 2, 3, 4, 5] })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days?: number[];
  @ApiProperty({ example: '08:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be HH:MM' }) start: string;
  @ApiProperty({ example: '18:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'end must be HH:MM' }) end: string;
}

export class CreateAlertRuleDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiProperty({ enum: ALERT_CATEGORIES }) @IsIn(ALERT_CATEGORIES) category: AlertCategoryName;
  @ApiProperty({ enum: ALERT_PRIORITIES }) @IsIn(ALERT_PRIORITIES) priority: AlertPriorityName;
  @ApiProperty({ example: 'evt.iot-telemetry.threshold.breached', description: 'The event subject the rule watches' })
  @Matches(EVENT_SUBJECT, { message: 'eventType must be an event subject such as evt.orders.order.on-hold' })
  eventType: string;
  @ApiProperty({
    type: Object,
    example: { all: [{ field: 'value', op: 'gt', value: 30 }, { count: { atLeast: 3, withinMinutes: 10, by: 'storeId' } }] },
    description: 'Comparisons (eq, ne, gt, gte, lt, lte, in, contains, exists) on payload fields, all/any nesting, counts within a window',
  })
  @IsObject()
  condition: Record<string, unknown>;
  @ApiPropertyOptional({ type: ActiveHoursDto }) @IsOptional() @ValidateNested() @Type(() => ActiveHoursDto) activeHours?: ActiveHoursDto;
  @ApiPropertyOptional({ default: 15 }) @IsOptional() @IsInt() @Min(0) @Max(10080) cooldownMinutes?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional({ type: [AlertRecipientDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AlertRecipientDto)
  recipients?: AlertRecipientDto[];
  @ApiPropertyOptional({ description: 'SENSOR rules: only this device' }) @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional({ description: 'SENSOR rules: only this sensor' }) @IsOptional() @IsUUID() sensorId?: string;
  @ApiPropertyOptional({ description: 'only events of this store' }) @IsOptional() @IsUUID() storeId?: string;
  @ApiPropertyOptional({ description: "a team's rule: its members manage it, it sees that team's events" })
  @IsOptional()
  @IsUUID()
  teamId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 5 }) @IsOptional() @IsInt() @Min(1) @Max(10) severity?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
  @ApiPropertyOptional({
    type: [String],
    description:
      'payload fields identifying the subject; default: the event ids present (thresholdId, sensorId, deviceId, storeId, orderId...)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(FIELD_PATH, { each: true, message: 'each fingerprintFields entry must be a payload field path' })
  fingerprintFields?: string[];
  @ApiPropertyOptional({ type: [String], description: 'payload fields grouping alerts into one notification; default: the whole rule' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(FIELD_PATH, { each: true, message: 'each groupBy entry must be a payload field path' })
  groupBy?: string[];
  @ApiPropertyOptional({
    description: 'seconds a new group waits for more alerts before its first notification (ALERT_GROUP_WAIT_SECONDS)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86400)
  groupWaitSeconds?: number;
  @ApiPropertyOptional({ description: 'seconds between notifications of new alerts of a group already notified' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86400)
  groupIntervalSeconds?: number;
  @ApiPropertyOptional({ description: 'seconds before a group whose alerts are still unacknowledged is notified again' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(604800)
  repeatIntervalSeconds?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() escalationPolicyId?: string;
}

export class UpdateAlertRuleDto extends PartialType(CreateAlertRuleDto) {}

export class AlertRecipientView {
  @ApiProperty({ enum: ALERT_RECIPIENT_TYPES }) type: AlertRecipientTypeName;
  @ApiProperty() value: string;
  @ApiProperty({ type: [String] }) channels: string[];
}

export class AlertRuleView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty({ enum: ALERT_CATEGORIES }) category: AlertCategoryName;
  @ApiProperty({ enum: ALERT_PRIORITIES }) priority: AlertPriorityName;
  @ApiProperty() eventType: string;
  @ApiProperty({ type: Object }) condition: unknown;
  @ApiPropertyOptional({ type: ActiveHoursDto, nullable: true }) activeHours: ActiveHoursDto | null;
  @ApiProperty() cooldownMinutes: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: [AlertRecipientView] }) recipients: AlertRecipientView[];
  @ApiPropertyOptional({ nullable: true }) deviceId: string | null;
  @ApiPropertyOptional({ nullable: true }) sensorId: string | null;
  @ApiPropertyOptional({ nullable: true }) storeId: string | null;
  @ApiPropertyOptional({ nullable: true }) teamId: string | null;
  @ApiProperty() severity: number;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [String] }) fingerprintFields: string[];
  @ApiProperty({ type: [String] }) groupBy: string[];
  @ApiPropertyOptional({ nullable: true }) groupWaitSeconds: number | null;
  @ApiPropertyOptional({ nullable: true }) groupIntervalSeconds: number | null;
  @ApiPropertyOptional({ nullable: true }) repeatIntervalSeconds: number | null;
  @ApiPropertyOptional({ nullable: true }) escalationPolicyId: string | null;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ nullable: true }) updatedBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AlertRuleListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_CATEGORIES }) @IsOptional() @IsIn(ALERT_CATEGORIES) category?: AlertCategoryName;
  @ApiPropertyOptional() @IsOptional() @IsString() eventType?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isActive?: boolean;
}
