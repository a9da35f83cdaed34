import { IsInt, IsUrl, Max, Min } from 'class-validator';
import { PlatformConfig, withEncryptionConfig } from '@suite/platform';

/** ENCRYPTION_KEY (withEncryptionConfig) encrypts factories' adapter credentials. */
export class FulfillmentConfig extends withEncryptionConfig(PlatformConfig) {
  /** Printful's REST base URL (a local fake in tests); the API key is the factory's own, in its credentials. */
  @IsUrl({ require_tld: false })
  PRINTFUL_API_URL: string = 'https://api.printful.com';

  /**
   * How many times a fulfillment item may be reprinted after a failed quality check (POST_PRODUCTION or
   * PRE_SHIPPING); the next failure fails the item instead.
   */
  @IsInt()
  @Min(0)
  @Max(100)
  MAX_REPRINTS: number = 2;
}
