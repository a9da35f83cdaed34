import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AnalyticsDb } from '@suite/db/analytics';
import { InjectDb } from '@suite/platform';
import { AnalyticsConfig } from '../config';

/** SystemConfig key that overrides ANALYTICS_RAW_RETENTION_DAYS (a number of days). */
export const RETENTION_CONFIG_KEY = 'analytics.rawRetentionDays';
const CHUNK = 10_000;

/** Log tables kept for a number of days, by the column that dates a row (the API usage queries read at most that far back). */
const LOG_TABLES = [
  { table: 'api_usage_logs', column: 'timestamp', days: (c: AnalyticsConfig) => c.API_USAGE_RETENTION_DAYS },
  { table: 'rate_limit_logs', column: 'window_end', days: (c: AnalyticsConfig) => c.RATE_LIMIT_LOG_RETENTION_DAYS },
  { table: 'search_logs', column: 'created_at', days: (c: AnalyticsConfig) => c.SEARCH_LOG_RETENTION_DAYS },
] as const;

/**
 * Drops raw events older than the retention (SystemConfig `analytics.rawRetentionDays`, else
 * ANALYTICS_RAW_RETENTION_DAYS, else 90 days) every ANALYTICS_RETENTION_INTERVAL_MS (an hour), and the
 * gateway's and catalog's logs (API usage, refused rate-limit windows, searches) older than their own
 * retention. The aggregates stay: metrics never read raw events. Chunked so a large backlog never holds
 * one long transaction; replicas purging at once only delete the same rows once.
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

  /** Deletes what is past the retention; answers how many raw events went (purgeLogs the logs). */
  async purge(now = Date.now()): Promise<number> {
    const events = await this.deleteOlderThan('analytics_event', 'timestamp', new Date(now - (await this.retentionDays()) * 86_400_000));
    await this.purgeLogs(now);
    return events;
  }

  /** Deletes log rows past their table's retention; answers how many went, by table. */
  async purgeLogs(now = Date.now()): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const { table, column, days } of LOG_TABLES)
      deleted[table] = await this.deleteOlderThan(table, column, new Date(now - days(this.config) * 86_400_000));
    return deleted;
  }

  /** The table and column names come from this file only, never from input. */
  private async deleteOlderThan(table: string, column: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.$executeRawUnsafe(
        `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${column} < $1 LIMIT ${CHUNK})`,
        cutoff,
      );
      total += n;
      if (n < CHUNK) return total;
    }
  }
}
