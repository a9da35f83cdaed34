import { Matches } from 'class-validator';
import { PlatformConfig } from '../config/platform-config';
import { SECRET_BOX_KEY_BYTES } from './secret-box';

type ConfigClass = new (...args: any[]) => PlatformConfig;

/** Encrypts development data only; `assertProductionEncryptionKey` stops a production process that still uses it. */
export const DEVELOPMENT_ENCRYPTION_KEY = Buffer.from('development-only-encryption-key!', 'utf8').toString('base64');

/**
 * Adds ENCRYPTION_KEY (32 random bytes as standard base64, e.g. `openssl rand -base64 32`) to any
 * config class, for services that keep secrets with encryptSecret. A mixin like withMailConfig, so
 * it composes with the config a service already extends:
 * `class IdentityConfig extends withEncryptionConfig(withMailConfig(JwtConfig)) { ... }`.
 */
export function withEncryptionConfig<TBase extends ConfigClass>(Base: TBase) {
  // A named class declaration: legacy decorators are not allowed on class expressions.
  class WithEncryptionConfig extends Base {
    // 43 characters and one "=" are exactly 32 bytes in base64.
    @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'ENCRYPTION_KEY must be 32 bytes as base64 (openssl rand -base64 32)' })
    ENCRYPTION_KEY: string = DEVELOPMENT_ENCRYPTION_KEY;
  }
  return WithEncryptionConfig;
}

/** The platform variables plus the encryption key, for a service whose config needs nothing else. */
export class EncryptionConfig extends withEncryptionConfig(PlatformConfig) {}

export type EncryptionSettings = Pick<EncryptionConfig, 'ENCRYPTION_KEY'>;

/** The key for encryptSecret / decryptSecret, from a validated config. */
export function encryptionKey(settings: EncryptionSettings): Buffer {
  const key = Buffer.from(settings.ENCRYPTION_KEY, 'base64');
  if (key.length !== SECRET_BOX_KEY_BYTES) throw new Error(`ENCRYPTION_KEY must be ${SECRET_BOX_KEY_BYTES} bytes`);
  return key;
}

/** True for a production config that still has the development key (anyone could read its secrets). */
export function usesDevelopmentKeyInProduction(config: PlatformConfig): boolean {
  return config.NODE_ENV === 'production' && (config as Partial<EncryptionSettings>).ENCRYPTION_KEY === DEVELOPMENT_ENCRYPTION_KEY;
}

/** Called by bootstrapService for every service; configs without ENCRYPTION_KEY pass. Sibling of assertProductionSecret. */
export function assertProductionEncryptionKey(service: string, config: PlatformConfig): void {
  if (usesDevelopmentKeyInProduction(config)) {
    process.stderr.write(
      `${service}: ENCRYPTION_KEY must be set in production (the development default is public, so every secret it protects is readable)\n`,
    );
    process.exit(1);
  }
}
