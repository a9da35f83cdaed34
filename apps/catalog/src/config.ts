import { IsInt, Max, Min } from 'class-validator';
import { PlatformConfig, withEncryptionConfig } from '@suite/platform';

/** ENCRYPTION_KEY (withEncryptionConfig) encrypts stores' platform API credentials. */
export class CatalogConfig extends withEncryptionConfig(PlatformConfig) {
  /** How long reserved stock waits for the order to be confirmed before it returns to the shelf (seconds, so tests can watch it expire). */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  RESERVATION_TTL_SECONDS: number = 900;
}
