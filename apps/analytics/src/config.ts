import { IsInt, Max, Min } from 'class-validator';
import { PlatformConfig, withFileStoreConfig, withMailConfig } from '@suite/platform';

/** The analytics service's variables: the platform's, mail, the file store, retention and cache, and the report workers'. */
export class AnalyticsConfig extends withFileStoreConfig(withMailConfig(PlatformConfig)) {
  /** Days raw AnalyticsEvent rows are kept (the SystemConfig key analytics.rawRetentionDays wins); aggregates stay. */
  @IsInt()
  @Min(1)
  @Max(36500)
  ANALYTICS_RAW_RETENTION_DAYS: number = 90;

  /** Days ApiUsageLog rows are kept. */
  @IsInt() @Min(1) @Max(36500) API_USAGE_RETENTION_DAYS: number = 90;

  /** Days RateLimitLog rows (refused windows) are kept, counted from the window's end. */
  @IsInt() @Min(1) @Max(36500) RATE_LIMIT_LOG_RETENTION_DAYS: number = 30;

  /** Days SearchLog rows are kept. */
  @IsInt() @Min(1) @Max(36500) SEARCH_LOG_RETENTION_DAYS: number = 180;

  /** How often the raw-event purge runs, in ms (0: never, e.g. in tests that date events in the past). */
  @IsInt()
  @Min(0)
  ANALYTICS_RETENTION_INTERVAL_MS: number = 3_600_000;

  /** Seconds a computed metric is served from AnalyticsCache (an event of its period drops it sooner). */
  @IsInt()
  @Min(0)
  @Max(86400)
  ANALYTICS_CACHE_TTL_SECONDS: number = 300;

  /** How often a replica looks for due schedules (ms). */
  @IsInt() @Min(100) @Max(3600000) REPORT_SCHEDULER_TICK_MS: number = 15000;
  /** How often an idle replica looks for PENDING executions (ms). */
  @IsInt() @Min(50) @Max(600000) REPORT_WORKER_POLL_MS: number = 1000;
  /** Rows fetched from PostgreSQL and written per batch; cancellation is checked between batches. */
  @IsInt() @Min(10) @Max(100000) REPORT_BATCH_ROWS: number = 2000;
  /** A result with at most this many rows is also kept inline (resultData); a JSON one only there. */
  @IsInt() @Min(0) @Max(10000) REPORT_INLINE_MAX_ROWS: number = 200;
  /** How long download links stay valid (s). */
  @IsInt() @Min(1) @Max(604800) REPORT_LINK_TTL_SECONDS: number = 86400;
  /** A mailed report carries the file up to this size, a link beyond it. */
  @IsInt() @Min(0) @Max(26214400) REPORT_MAIL_ATTACH_MAX_BYTES: number = 5242880;
  /** A RUNNING execution whose worker has been silent this long (s) is taken over by another replica. */
  @IsInt() @Min(5) @Max(86400) REPORT_STALE_SECONDS: number = 60;

  /** How often an idle replica looks for QUEUED exports (ms). */
  @IsInt() @Min(50) @Max(600000) EXPORT_WORKER_POLL_MS: number = 1000;
  /** Rows asked of the owning service per page; progress, heartbeat and cancellation are per page. */
  @IsInt() @Min(1) @Max(2000) EXPORT_PAGE_ROWS: number = 1000;
  /** A pause between pages (ms), so a big export yields to the owner's live traffic (0: none). */
  @IsInt() @Min(0) @Max(60000) EXPORT_PAGE_PAUSE_MS: number = 0;
  /** How long the worker waits for one page from the owner (ms). */
  @IsInt() @Min(1000) @Max(300000) EXPORT_PAGE_TIMEOUT_MS: number = 30000;
  /** A PROCESSING export whose worker has been silent this long (s) is resumed by another replica (or this one after a restart). */
  @IsInt() @Min(5) @Max(86400) EXPORT_STALE_SECONDS: number = 60;
  /** Runs an export gets; one whose worker died this often is FAILED, never PROCESSING forever. */
  @IsInt() @Min(1) @Max(20) EXPORT_MAX_ATTEMPTS: number = 3;
  /** How long an export's download link stays valid (s); each GET hands out a fresh one. */
  @IsInt() @Min(1) @Max(604800) EXPORT_LINK_TTL_SECONDS: number = 3600;
  /** Rows per batch sent to the owning service (one transaction there); progress and cancel are checked between batches. */
  @IsInt() @Min(1) @Max(2000) IMPORT_BATCH_ROWS: number = 500;
  /** How often an idle replica looks for QUEUED import jobs (ms). */
  @IsInt() @Min(50) @Max(600000) IMPORT_WORKER_POLL_MS: number = 1000;
  /** How often a running import proves its worker alive (ms), also while a batch is being written. */
  @IsInt() @Min(100) @Max(600000) IMPORT_HEARTBEAT_MS: number = 5000;
  /** A PROCESSING import whose heartbeat is older than this (s) lost its worker and is resumed by another. */
  @IsInt() @Min(1) @Max(86400) IMPORT_STALE_SECONDS: number = 60;
  /** An import taken over more often than this is failed instead (a file that kills its worker must not loop). */
  @IsInt() @Min(0) @Max(100) IMPORT_MAX_RESUMES: number = 3;
  /** How long one batch may take at the owning service (ms). */
  @IsInt() @Min(1000) @Max(3600000) IMPORT_BATCH_TIMEOUT_MS: number = 120000;
  /** How long error-report and sample-file links stay valid (s). */
  @IsInt() @Min(1) @Max(604800) IMPORT_LINK_TTL_SECONDS: number = 3600;
}
