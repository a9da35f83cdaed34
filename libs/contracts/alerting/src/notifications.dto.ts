import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ALERT_CATEGORIES, ALERT_PRIORITIES } from './alert-rules.dto';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const NOTIFICATION_CHANNELS = ['EMAIL', 'SMS', 'PUSH', 'IN_APP', 'WEBHOOK'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATUSES = [
  'PENDING',
  'QUEUED',
  'SENDING',
  'SENT',
  'DELIVERED',
  'FAILED',
  'BOUNCED',
  'RETRYING',
  'CANCELLED',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
/** The seed's AlertCategory and AlertPriority values, as preferences and test sends name them. */

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class NotificationView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) userId: string | null;
  @ApiPropertyOptional({ nullable: true }) alertId: string | null;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status: string;
  @ApiProperty() priority: number;
  @ApiPropertyOptional({ nullable: true }) subject: string | null;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ nullable: true }) provider: string | null;
  @ApiProperty() retryCount: number;
  @ApiProperty() maxRetries: number;
  @ApiPropertyOptional({ nullable: true }) nextRetryAt: string | null;
  @ApiPropertyOptional({ nullable: true }) sentAt: string | null;
  @ApiPropertyOptional({ nullable: true }) deliveredAt: string | null;
  @ApiPropertyOptional({ nullable: true }) failedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) errorMessage: string | null;
  @ApiPropertyOptional({ nullable: true }) readAt: string | null;
  @ApiPropertyOptional({ nullable: true }) metadata: Record<string, unknown> | null;
  @ApiProperty() createdAt: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'IN_APP notifications of the caller not read yet' }) unreadCount: number;
}

export class NotificationFilter {
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS }) @IsOptional() @IsIn(NOTIFICATION_CHANNELS) channel?: NotificationChannel;
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES }) @IsOptional() @IsIn(NOTIFICATION_STATUSES) status?: NotificationStatus;
  @ApiPropertyOptional({ description: 'true: only unread IN_APP notifications' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class MarkedReadView {
  @ApiProperty() updated: number;
  @ApiProperty() unreadCount: number;
}

export class TestNotificationDto {
  @ApiProperty() @IsUUID() userId: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, description: "Absent: the user's preferences choose" })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: NotificationChannel;
  @ApiPropertyOptional({ enum: ALERT_PRIORITIES, default: 'LOW' }) @IsOptional() @IsIn(ALERT_PRIORITIES) priority?: string;
  @ApiPropertyOptional({ enum: ALERT_CATEGORIES, default: 'SYSTEM' }) @IsOptional() @IsIn(ALERT_CATEGORIES) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) message?: string;
  @ApiPropertyOptional({ description: 'Sends once per key; a new one by default' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  dedupKey?: string;
}

export class TestNotificationView {
  @ApiProperty({ type: [String] }) notificationIds: string[];
}

// ---- Preferences ---------------------------------------------------------------------------------

export class ChannelRuleDto {
  @ApiPropertyOptional({ enum: ALERT_CATEGORIES }) @IsOptional() @IsIn(ALERT_CATEGORIES) category?: string;
  @ApiPropertyOptional({ enum: ALERT_PRIORITIES }) @IsOptional() @IsIn(ALERT_PRIORITIES) priority?: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true, description: 'In order: the next one is tried when one fails for good' })
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  channels: NotificationChannel[];
}

export class QuietHoursDto {
  @ApiProperty({ example: '22:00' }) @Matches(HH_MM, { message: 'start must be HH:MM (24 h)' }) start: string;
  @ApiProperty({ example: '07:00' }) @Matches(HH_MM, { message: 'end must be HH:MM (24 h)' }) end: string;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ example: '+639171234567', nullable: true })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be E.164, such as +639171234567' })
  phone?: string | null;
  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'locale must look like en or en-PH' })
  locale?: string;
  @ApiPropertyOptional({ example: 'Asia/Manila', description: 'IANA time zone of the quiet hours' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, isArray: true, description: 'Default channels, in order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  channels?: NotificationChannel[];
  @ApiPropertyOptional({ type: [ChannelRuleDto], description: 'Channels per category and/or priority; the first match wins' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChannelRuleDto)
  rules?: ChannelRuleDto[];
  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'Nothing but CRITICAL is sent in this window (user time zone)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}

export class PreferencesView {
  @ApiProperty() userId: string;
  @ApiPropertyOptional({ nullable: true }) email: string | null;
  @ApiPropertyOptional({ nullable: true }) phone: string | null;
  @ApiProperty() locale: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true }) channels: string[];
  @ApiProperty({ type: [ChannelRuleDto] }) rules: ChannelRuleDto[];
  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true }) quietHours: QuietHoursDto | null;
}

// ---- Push and webhook subscriptions ---------------------------------------------------------------

export class PushKeysDto {
  @ApiProperty({ description: "The client's P-256 ECDH public key, base64url" })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{80,100}={0,2}$/)
  p256dh: string;
  @ApiProperty({ description: 'The 16-byte auth secret, base64url' }) @IsString() @Matches(/^[A-Za-z0-9_-]{16,30}={0,2}$/) auth: string;
}

/** What a browser's PushSubscription.toJSON() gives, plus the optional IoT device it is for. */
export class CreatePushSubscriptionDto {
  @ApiProperty() @IsString() @MaxLength(2048) @Matches(/^https?:\/\/\S+$/, { message: 'endpoint must be an http(s) URL' }) endpoint: string;
  @ApiProperty({ type: PushKeysDto }) @ValidateNested() @Type(() => PushKeysDto) keys: PushKeysDto;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() expirationTime?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID() deviceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) userAgent?: string;
}

export class PushSubscriptionView {
  @ApiProperty() id: string;
  @ApiProperty() endpoint: string;
  @ApiPropertyOptional({ nullable: true }) deviceId: string | null;
  @ApiPropertyOptional({ nullable: true }) userAgent: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: string;
}

export class VapidKeyView {
  @ApiProperty({ description: 'applicationServerKey for PushManager.subscribe(), base64url' }) publicKey: string;
}

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ example: 'https://example.com/hooks/alerts' })
  @IsString()
  @MaxLength(2048)
  @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) URL' })
  url: string;
  @ApiProperty({ description: 'Shared secret for X-Signature; stored encrypted, never returned' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret: string;
}

export class WebhookSubscriptionView {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: string;
}

// ---- Templates -----------------------------------------------------------------------------------

export class CreateTemplateDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: 'evt.iot-telemetry.threshold.breached' }) @IsString() @MaxLength(200) eventType: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) @IsIn(NOTIFICATION_CHANNELS) channel: NotificationChannel;
  @ApiPropertyOptional({ default: 'en' })
  @IsOptional()
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'locale must look like en or en-PH' })
  locale?: string;
  @ApiPropertyOptional({ description: 'Handlebars' }) @IsOptional() @IsString() @MaxLength(500) subject?: string;
  @ApiProperty({ description: 'Handlebars; only the event type’s declared variables' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateTemplateDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(20000) body?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

export class TemplateView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel: string;
  @ApiProperty() locale: string;
  @ApiPropertyOptional({ nullable: true }) subject: string | null;
  @ApiProperty() body: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TemplateFilter {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) eventType?: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS }) @IsOptional() @IsIn(NOTIFICATION_CHANNELS) channel?: NotificationChannel;
}

/** An SMS provider's status callback as the gateway forwards it: the exact bytes, so the signature can be checked. */
export class SmsCallbackRequest {
  @IsIn(['twilio', 'semaphore']) provider: string;
  @IsString() @MaxLength(65536) rawBody: string;
  @IsString() @MaxLength(2048) url: string;
  @IsObject() headers: Record<string, string>;
}

export class SmsCallbackView {
  @ApiProperty() received: boolean;
  @ApiProperty() applied: boolean;
}
