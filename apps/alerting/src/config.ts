import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { PlatformConfig, withEncryptionConfig, withMailConfig } from '@suite/platform';

/**
 * SMTP_URL/MAIL_FROM (withMailConfig) send EMAIL notifications; ENCRYPTION_KEY (withEncryptionConfig)
 * encrypts webhook subscribers' secrets. Provider URLs point at local fakes in tests.
 */
export class AlertingConfig extends withMailConfig(withEncryptionConfig(PlatformConfig)) {
  // SMS: an adapter is on when its credentials are set. +63 numbers go through Semaphore (the Philippine
  // gateway), the rest through Twilio; with neither, SMS notifications fail over to the next channel.
  @IsUrl({ require_tld: false }) SEMAPHORE_API_URL: string = 'https://api.semaphore.co';
  @IsOptional() @IsString() SEMAPHORE_API_KEY?: string;
  @IsOptional() @IsString() SEMAPHORE_SENDER_NAME?: string;

  @IsUrl({ require_tld: false }) TWILIO_API_URL: string = 'https://api.twilio.com';
  @IsOptional() @IsString() TWILIO_ACCOUNT_SID?: string;
  @IsOptional() @IsString() TWILIO_AUTH_TOKEN?: string;
  @IsOptional() @IsString() TWILIO_FROM?: string;
  /** Public URL of the gateway's /api/v1/sms/status/twilio, given to Twilio as StatusCallback and signed over by it. */
  @IsOptional() @IsString() TWILIO_STATUS_CALLBACK_URL?: string;

  /** VAPID key pair (web-push generate-vapid-keys); without one, development generates a throwaway pair at start-up. */
  @IsOptional() @IsString() VAPID_PUBLIC_KEY?: string;
  @IsOptional() @IsString() VAPID_PRIVATE_KEY?: string;
  @IsString() VAPID_SUBJECT: string = 'mailto:ops@suite.local';

  /** How often the delivery worker looks for due notifications, ms. */
  @IsInt() @Min(20) @Max(60_000) NOTIFY_POLL_MS: number = 500;
  /** First retry delay; each further one doubles, up to NOTIFY_RETRY_MAX_MS. */
  @IsInt() @Min(10) @Max(3_600_000) NOTIFY_RETRY_BASE_MS: number = 30_000;
  @IsInt() @Min(10) @Max(86_400_000) NOTIFY_RETRY_MAX_MS: number = 3_600_000;
  @IsInt() @Min(0) @Max(20) NOTIFY_MAX_RETRIES: number = 3;
  /** A claimed notification whose worker died is taken again after this, ms. */
  @IsInt() @Min(1000) @Max(3_600_000) NOTIFY_LEASE_MS: number = 60_000;
  @IsInt() @Min(100) @Max(60_000) PROVIDER_TIMEOUT_MS: number = 10_000;

  // Alertmanager-style defaults; a rule may set its own group wait, group interval and repeat interval.
  /** A new group waits this long for more alerts before its first notification (5 s outside production, so a demo is quick). */
  @IsInt()
  @Min(0)
  @Max(86400)
  ALERT_GROUP_WAIT_SECONDS: number = process.env.NODE_ENV === 'production' ? 30 : 5;

  /** New alerts of a group already notified wait this long after the group's last notification. */
  @IsInt()
  @Min(0)
  @Max(86400)
  ALERT_GROUP_INTERVAL_SECONDS: number = 300;

  /** A group whose alerts are still open and unacknowledged is notified again after this long. */
  @IsInt()
  @Min(1)
  @Max(604800)
  ALERT_REPEAT_INTERVAL_SECONDS: number = 14400;

  /** Seed the default rules (chamber threshold breached, device offline -> admins by EMAIL and IN_APP) at start-up. */
  // From the raw env string: implicit conversion would read 'false' as true.
  @Transform(({ obj }) => !['false', '0', false].includes((obj as Record<string, unknown>).ALERT_DEFAULT_RULES as string))
  @IsBoolean()
  ALERT_DEFAULT_RULES: boolean = true;

  /** How often the scheduler looks for due timers (group flushes, escalations, snooze ends, expiries) and pending notifications. */
  @IsInt()
  @Min(50)
  @Max(60000)
  ALERT_SCHEDULER_INTERVAL_MS: number = 1000;
}
