import { Logger, Module } from '@nestjs/common';
import { ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import { GatewayConfig } from '../service';
import { MemoryWindowStorage } from './memory-window-storage';
import { RedisWindowStorage } from './redis-window-storage';
import { UsageRecorder } from './usage-recorder';

/** How long start-up waits for Redis before serving with the limiter failing open (it connects later by itself). */
const REDIS_WAIT_MS = 3000;

async function throttlerOptions(config: GatewayConfig): Promise<ThrottlerModuleOptions> {
  let storage;
  if (config.REDIS_URL) {
    const redis = new RedisWindowStorage(config.REDIS_URL, config.RATE_LIMIT_KEY_PREFIX, config.RATE_LIMIT_REDIS_TIMEOUT_MS);
    const ready = await Promise.race([
      redis.ready().then(() => true),
      new Promise((r) => setTimeout(() => r(false), REDIS_WAIT_MS).unref()),
    ]);
    if (!ready) new Logger('RateLimit').warn(`Redis at REDIS_URL not ready after ${REDIS_WAIT_MS} ms; limits fail open until it is`);
    storage = redis;
  } else storage = new MemoryWindowStorage();
  const enabled = config.RATE_LIMIT_ENABLED === 'true';
  return {
    storage,
    // No throttler, no limit: the guard finds none for any route class.
    throttlers: enabled
      ? [
          { name: 'strict', limit: config.RATE_LIMIT_STRICT_LIMIT, ttl: config.RATE_LIMIT_STRICT_WINDOW_MS },
          { name: 'default', limit: config.RATE_LIMIT_DEFAULT_LIMIT, ttl: config.RATE_LIMIT_DEFAULT_WINDOW_MS },
        ]
      : [],
  };
}

/** Rate limits (RateLimitGuard, registered in AppModule after authentication) and usage logging (UsageRecorder). */
@Module({
  imports: [ThrottlerModule.forRootAsync({ useFactory: throttlerOptions, inject: [GatewayConfig] })],
  providers: [UsageRecorder],
  exports: [UsageRecorder, ThrottlerModule],
})
export class ApiManagementModule {}
