import { Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Counter } from 'prom-client';
import { metricsRegistry } from '@suite/platform';
import { windowRecord, WindowRecord, windowStartOf, WindowStorage } from './fixed-window';

/** One round trip, atomic: the first hit of a window sets its expiry, so no key outlives its window by more than the margin. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return hits`;

const EXPIRY_MARGIN_MS = 5000;

export const rateLimitStorageErrors = new Counter({
  name: 'suite_rate_limit_storage_errors_total',
  help: 'Rate-limit counts Redis did not answer; the request was let through (fail open)',
  registers: [metricsRegistry],
});

type WithIncrement = Redis & { rlIncrement(key: string, expiryMs: number): Promise<number> };

/**
 * Counters every gateway replica shares (REDIS_URL). When Redis does not answer within the command
 * timeout, the request is let through and counted in suite_rate_limit_storage_errors_total: an outage
 * of the limiter must not become an outage of the API. Commands are not queued while disconnected.
 */
export class RedisWindowStorage implements WindowStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: WithIncrement;
  private lastErrorLog = 0;

  constructor(
    url: string,
    private readonly prefix: string,
    commandTimeoutMs = 500,
  ) {
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: commandTimeoutMs }) as WithIncrement;
    this.redis.defineCommand('rlIncrement', { numberOfKeys: 1, lua: INCREMENT });
    this.redis.on('error', (error) => this.logOnce(error));
  }

  async increment(key: string, ttl: number, limit: number): Promise<WindowRecord> {
    const now = Date.now();
    const start = windowStartOf(now, ttl);
    try {
      const hits = await this.redis.rlIncrement(`${this.prefix}${key}:${start}`, start + ttl - now + EXPIRY_MARGIN_MS);
      return windowRecord(hits, limit, start, ttl, now);
    } catch (error) {
      rateLimitStorageErrors.inc();
      this.logOnce(error);
      return windowRecord(0, limit, start, ttl, now);
    }
  }

  /** Resolves once Redis answers (start-up, tests). */
  async ready(): Promise<void> {
    if (this.redis.status !== 'ready') await new Promise<void>((resolve) => this.redis.once('ready', () => resolve()));
  }

  private logOnce(error: unknown): void {
    if (Date.now() - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = Date.now();
    this.logger.warn({ err: error }, 'Redis unavailable: requests are not rate limited meanwhile');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
