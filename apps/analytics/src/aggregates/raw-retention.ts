import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AnalyticsDb } from '@suite/db/analytics';
import { InjectDb } from '@suite/platform';
import { AnalyticsConfig } from '../config';

/** SystemConfig key that overrides ANALYTICS_RAW_RETENTION_DAYS (a number of days). */
export const RETENTION_CONFIG_KEY = 'analytics.rawRetentionDays';
const CHUNK = 10_000;

/**
 * Drops raw events older than the retention (SystemConfig `analytics.rawRetentionDays`, else
 * ANALYTICS_RAW_RETENTION_DAYS, else 90 days) every ANALYTICS_RETENTION_INTERVAL_MS (an hour). The
 * aggregates stay: metrics never read raw events. Chunked so a large backlog never holds one long
 * transaction; replicas purging at once only delete the same rows once.
 */
@Injectable()
export class RawEventRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RawEventRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    private readonly config: AnalyticsConfig,
  ) {}

  onApplicationBootstrap() {
    const every = this.config.ANALYTICS_RETENTION_INTERVAL_MS;
    if (every <= 0) return;
    this.timer = setInterval(
      () => void this.purge().catch((e) => this.logger.warn(`raw event purge failed: ${(e as Error).message}`)),
      every,
    );
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  async retentionDays(): Promise<number> {
    const row = await this.db.systemConfig.findUnique({ where: { key: RETENTION_CONFIG_KEY } });
    const configured = Number(row?.value ?? this.config.ANALYTICS_RAW_RETENTION_DAYS);
    return Number.isFinite(configured) && configured > 0 ? configured : this.config.ANALYTICS_RAW_RETENTION_DAYS;
  }

  /** Deletes what is past the retention; answers how many rows went. */
  async purge(now = Date.now()): Promise<number> {
    const cutoff = new Date(now - (await this.retentionDays()) * 86_400_000);
    let total = 0;
    for (;;) {
      const n = await this.db
        .$executeRaw`DELETE FROM analytics_event WHERE id IN (SELECT id FROM analytics_event WHERE timestamp < ${cutoff} LIMIT ${CHUNK})`;
      total += n;
      if (n < CHUNK) return total;
    }
  }
}
