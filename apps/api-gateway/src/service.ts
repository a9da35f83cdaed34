import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { JwtConfig, ServiceDefinition, withFileStoreConfig } from '@suite/platform';
import { ApiGatewaySubjects } from '@suite/contracts/api-gateway';

/** withFileStoreConfig: the gateway serves the local file store's signed download links (files/:token). */
export class GatewayConfig extends withFileStoreConfig(JwtConfig) {
  /** How long /health waits for each service before reporting it down. */
  @IsInt()
  @Min(100)
  @Max(10000)
  HEALTH_TIMEOUT_MS: number = 1500;

  /**
   * How long a resolved bearer session is reused without asking identity. A logout, a revocation or a
   * change of roles or teams drops it at once (identity's events); this bounds staleness should an
   * event be missed. 0 asks identity on every request.
   */
  @IsInt()
  @Min(0)
  @Max(60000)
  SESSION_CACHE_TTL_MS: number = 10000;

  /** The largest file POST imports accepts (bytes); a larger one is answered 413 and not kept. */
  @IsInt()
  @Min(1)
  IMPORT_MAX_FILE_BYTES: number = 100 * 1024 * 1024;

  /** Comma-separated origins allowed by CORS; empty allows none. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /**
   * Which proxies in front of the gateway are trusted to name the client in X-Forwarded-For (Fastify's
   * trustProxy): false (the default: the socket's address is the client), true (any), a hop count, or
   * comma-separated addresses/CIDRs (`127.0.0.1,10.0.0.0/8`). Client addresses drive per-IP rate limits.
   */
  @Matches(/^(true|false|\d{1,2}|[0-9a-fA-F.:/, ]+|loopback|linklocal|uniquelocal)$/, {
    message: 'TRUST_PROXY must be true, false, a hop count or comma-separated addresses/CIDRs',
  })
  TRUST_PROXY: string = 'false';

  /** Shared rate-limit counters of every gateway replica (redis://host:port); in-process counters without it. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be redis://host:port' })
  REDIS_URL?: string;

  /** How long a rate-limit count may wait for Redis before the request is let through uncounted (ms). */
  @IsInt() @Min(10) @Max(10_000) RATE_LIMIT_REDIS_TIMEOUT_MS: number = 500;

  /** Prefix of the gateway's Redis keys, so deployments (or test stacks) sharing one Redis do not share counters. */
  @IsString() RATE_LIMIT_KEY_PREFIX: string = 'suite:rl:';

  @IsIn(['true', 'false']) RATE_LIMIT_ENABLED: string = 'true';

  /** Requests per window per caller (user, API key or client IP) and route, for every route outside the strict class. */
  @IsInt() @Min(1) RATE_LIMIT_DEFAULT_LIMIT: number = 600;
  @IsInt() @Min(1000) @Max(86_400_000) RATE_LIMIT_DEFAULT_WINDOW_MS: number = 60_000;

  /** The strict class: sign-in, registration, password reset (per client IP and route). */
  @IsInt() @Min(1) RATE_LIMIT_STRICT_LIMIT: number = 10;
  @IsInt() @Min(1000) @Max(86_400_000) RATE_LIMIT_STRICT_WINDOW_MS: number = 60_000;

  /** Every answered request becomes an ApiUsageLog row in analytics, sent in batches off the request path. */
  @IsIn(['true', 'false']) USAGE_LOG_ENABLED: string = 'true';
  /** Rows per batch sent to analytics (a full batch is sent at once). */
  @IsInt() @Min(1) @Max(2000) USAGE_LOG_BATCH_SIZE: number = 500;
  /** Longest a row waits in the buffer before its batch is sent (ms). */
  @IsInt() @Min(10) @Max(60_000) USAGE_LOG_FLUSH_MS: number = 1000;
  /** Rows held while analytics is slow or down; beyond it new rows are dropped and counted (suite_api_usage_dropped_total). */
  @IsInt() @Min(100) @Max(10_000_000) USAGE_LOG_BUFFER_MAX: number = 100_000;
}

export const GATEWAY_SERVICE: ServiceDefinition<GatewayConfig> = {
  name: 'api-gateway',
  healthSubject: ApiGatewaySubjects.HealthCheck,
  config: GatewayConfig,
};
