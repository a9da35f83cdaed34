import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEVELOPMENT_CALLER_SIGNING_KEY } from '../auth/caller-signing';

/** Variables every process reads. Defaults are the local development services (ARCHITECTURE.md). */
export class PlatformConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  @Matches(/^(nats|tls|ws|wss):\/\/[^\s,]+(,(nats|tls|ws|wss):\/\/[^\s,]+)*$/, {
    message: 'NATS_URL must be nats://host:port (comma separated for a cluster)',
  })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Pretty, human-readable logs (for a terminal). JSON is the default: it is what log pipelines read. */
  @IsOptional()
  @IsIn(['true', 'false', '1', '0'])
  LOG_PRETTY?: string;

  /** HTTP port for health, readiness and metrics (the gateway's public port for api-gateway). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  /**
   * HMAC key every process of the deployment shares: the gateway signs the caller it attaches to NATS requests
   * with it and services refuse callers it did not sign. At least 32 characters; set it in production.
   */
  @IsString()
  @MinLength(32)
  CALLER_SIGNING_KEY: string = DEVELOPMENT_CALLER_SIGNING_KEY;

  /** Interface the HTTP server binds; 0.0.0.0 in containers, 127.0.0.1 for a private machine. */
  @IsString()
  HOST: string = '0.0.0.0';

  /** Default timeout of a NATS request/reply call, in milliseconds. */
  @IsInt()
  @Min(50)
  @Max(120000)
  NATS_REQUEST_TIMEOUT_MS: number = 5000;

  /** Largest accepted HTTP request body; larger ones get 413 before any handler runs. */
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Deliveries of an event before it goes to the dead-letter stream (a handler may override it). */
  @IsInt()
  @Min(1)
  @Max(1000)
  EVENT_MAX_DELIVER: number = 10;

  /** Delay before the n-th redelivery of a failed event, ms, comma separated; the last one repeats. */
  @Matches(/^\d{1,7}(,\d{1,7})*$/, { message: 'EVENT_RETRY_BACKOFF_MS must be milliseconds, comma separated (1000,5000,30000)' })
  EVENT_RETRY_BACKOFF_MS: string = '1000,5000,15000,30000,60000';

  /** How long the server waits for a handler's ack before redelivering the event elsewhere, ms. */
  @IsInt()
  @Min(1000)
  @Max(3600000)
  EVENT_ACK_WAIT_MS: number = 30000;

  /** How long a system setting read through the platform's Settings helper is reused, ms (0: ask every time); a change drops it at once. */
  @IsInt()
  @Min(0)
  @Max(86400000)
  SETTINGS_CACHE_TTL_MS: number = 60000;
}
