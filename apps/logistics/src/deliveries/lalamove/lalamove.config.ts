import { Provider } from '@nestjs/common';
import { IsIn, IsInt, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';
import { loadConfig } from '@suite/platform';

/**
 * Lalamove's API v3 settings, validated at start-up with the rest of the service's configuration. The
 * key and secret come as a pair (both or neither: without them the delivery routes answer 503 and
 * webhooks 401); messages name the variable, never its value.
 */
export class LalamoveConfig {
  /** https://rest.lalamove.com in production; the sandbox by default; a local fake in tests. */
  @IsUrl({ require_tld: false })
  LALAMOVE_API_URL: string = 'https://rest.sandbox.lalamove.com';

  @ValidateIf((c: LalamoveConfig) => c.LALAMOVE_API_KEY !== '' || c.LALAMOVE_API_SECRET !== '')
  @Matches(/^pk_(test|prod)_[0-9A-Za-z_-]{8,}$/, { message: 'LALAMOVE_API_KEY must be a Lalamove API key (pk_test_... or pk_prod_...)' })
  LALAMOVE_API_KEY: string = '';

  @ValidateIf((c: LalamoveConfig) => c.LALAMOVE_API_KEY !== '' || c.LALAMOVE_API_SECRET !== '')
  @Matches(/^sk_(test|prod)_[0-9A-Za-z+/=_-]{8,}$/, {
    message: 'LALAMOVE_API_SECRET must be a Lalamove API secret (sk_test_... or sk_prod_...)',
  })
  LALAMOVE_API_SECRET: string = '';

  /** The `Market` header of every request: the farm delivers in the Philippines. */
  @IsIn(['PH', 'HK', 'SG', 'TH', 'MY', 'VN', 'ID', 'TW', 'BR', 'MX', 'JP'])
  LALAMOVE_MARKET: string = 'PH';

  @IsString()
  @Matches(/^[a-z]{2}_[A-Z]{2}$/, { message: 'LALAMOVE_LANGUAGE must look like en_PH' })
  LALAMOVE_LANGUAGE: string = 'en_PH';

  /** Lalamove lets an order be cancelled this long after a driver took it (ON_GOING); before, always. */
  @IsInt()
  @Min(0)
  @Max(3600)
  LALAMOVE_CANCEL_WINDOW_SECONDS: number = 300;

  /** How often ACTIVE quotations past their expiresAt are marked EXPIRED. */
  @IsInt()
  @Min(1)
  @Max(3600)
  LALAMOVE_QUOTATION_SWEEP_SECONDS: number = 30;

  @IsInt()
  @Min(100)
  @Max(60000)
  LALAMOVE_TIMEOUT_MS: number = 10000;
}

export const lalamoveConfigProvider: Provider = { provide: LalamoveConfig, useFactory: () => loadConfig(LalamoveConfig) };
