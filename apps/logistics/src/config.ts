import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { PlatformConfig } from '@suite/platform';

/**
 * Tracking providers. The webhook secrets check the signatures of their webhooks (a webhook is refused
 * while its provider's secret is unset); the API keys are used by the poller only. Never logged.
 */
export class LogisticsConfig extends PlatformConfig {
  @IsUrl({ require_tld: false })
  AFTERSHIP_API_URL: string = 'https://api.aftership.com';

  @IsOptional()
  @IsString()
  AFTERSHIP_API_KEY?: string;

  @IsOptional()
  @IsString()
  AFTERSHIP_WEBHOOK_SECRET?: string;

  @IsUrl({ require_tld: false })
  EASYPOST_API_URL: string = 'https://api.easypost.com';

  @IsOptional()
  @IsString()
  EASYPOST_API_KEY?: string;

  @IsOptional()
  @IsString()
  EASYPOST_WEBHOOK_SECRET?: string;

  /** Who tracks a shipment fulfillment opens (the API may name another per shipment). */
  @IsIn(['AFTERSHIP', 'EASYPOST', 'MANUAL'])
  TRACKING_DEFAULT_PROVIDER: 'AFTERSHIP' | 'EASYPOST' | 'MANUAL' = 'AFTERSHIP';

  /** How often the poller looks for quiet shipments; 0 turns it off. */
  @IsInt()
  @Min(0)
  @Max(86_400)
  TRACKING_POLL_INTERVAL_SECONDS: number = 300;

  /** A shipment with no tracking news for this long is asked about through its provider's adapter. */
  @IsNumber()
  @Min(0)
  @Max(100_000)
  TRACKING_POLL_QUIET_MINUTES: number = 240;

  /** Days after delivery a buyer may open a return of the delivered items. */
  @IsInt()
  @Min(0)
  @Max(3650)
  RETURN_WINDOW_DAYS: number = 30;

  /** Hours a ticket of each priority may stay unresolved (its dueAt). */
  @IsInt()
  @Min(1)
  TICKET_DUE_HOURS_CRITICAL: number = 4;
  @IsInt()
  @Min(1)
  TICKET_DUE_HOURS_HIGH: number = 24;
  @IsInt()
  @Min(1)
  TICKET_DUE_HOURS_MEDIUM: number = 72;
  @IsInt()
  @Min(1)
  TICKET_DUE_HOURS_LOW: number = 168;
}
