import { IsString, MinLength } from 'class-validator';
import { PlatformConfig } from '../config/platform-config';

/** Signs development tokens only; `assertProductionSecret` stops a production process that still uses it. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-change-me-0123456789';

/** Config of the processes that sign (identity) or verify (api-gateway) access tokens. */
export class JwtConfig extends PlatformConfig {
  /** HS256 key shared by identity and the gateway. At least 32 characters. */
  @IsString()
  @MinLength(32)
  JWT_SECRET: string = DEVELOPMENT_JWT_SECRET;
}

export function assertProductionSecret(service: string, config: JwtConfig): void {
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    process.stderr.write(`${service}: JWT_SECRET must be set in production (the development default signs forgeable tokens)\n`);
    process.exit(1);
  }
}

export const ACCESS_TOKEN_ISSUER = 'suite-identity';
export const ACCESS_TOKEN_AUDIENCE = 'suite-api';
