import { IsEmail, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { JwtConfig, withEncryptionConfig, withMailConfig } from '@suite/platform';

/** ENCRYPTION_KEY (withEncryptionConfig) encrypts the TOTP secrets in users.two_factor_secret. */
export class IdentityConfig extends withEncryptionConfig(withMailConfig(JwtConfig)) {
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** Consecutive failed sign-ins before the account is locked for LOGIN_LOCK_MINUTES. */
  @IsInt()
  @Min(3)
  @Max(20)
  LOGIN_MAX_ATTEMPTS: number = 5;

  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCK_MINUTES: number = 15;

  /** With SEED_ADMIN_PASSWORD: a first SUPER_ADMIN created at start-up when no such user exists. */
  @IsOptional()
  @IsEmail()
  SEED_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  SEED_ADMIN_PASSWORD?: string;

  /** The web app people use; links in mails (email verification) point there. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  APP_URL: string = 'http://localhost:3000';
}
