import { Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { AnalyticsDb } from '@suite/db/analytics';
import { InjectDb, PeriodicJobs } from '@suite/platform';
import { AnalyticsConfig } from '../config';
import { ExportRunner } from './export-runner';

/**
 * The export worker of every analytics replica: claims QUEUED exports with FOR UPDATE SKIP LOCKED
 * (URGENT before NORMAL before LOW: the enum's order; then oldest first), so replicas share them and
 * a restart picks up what was queued. A PROCESSING export whose worker stopped beating is run again
 * from its first page (its partial file is never offered), until EXPORT_MAX_ATTEMPTS: then FAILED.
 */
@Injectable()
export class ExportJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    private readonly jobs: PeriodicJobs,
    private readonly runner: ExportRunner,
    private readonly config: AnalyticsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({ name: 'export-jobs', intervalMs: this.config.EXPORT_WORKER_POLL_MS, run: () => this.work() });
  }

  beforeApplicationShutdown(): void {
    this.runner.stop();
  }

  async work(): Promise<number> {
    await this.settleDead();
    let ran = 0;
    for (;;) {
      const [claimed] = await this.db.$queryRaw<{ id: string; attempts: number }[]>`
        UPDATE import_export_jobs SET status = 'PROCESSING', started_at = coalesce(started_at, now()), heartbeat_at = now(),
          updated_at = now(), processed_records = 0, success_count = 0, progress_percent = 0, estimated_time_ms = NULL,
          options = jsonb_set(coalesce(options, '{}'), '{attempts}', to_jsonb(coalesce((options->>'attempts')::int, 0) + 1))
        WHERE id = (
          SELECT id FROM import_export_jobs
          WHERE type = 'EXPORT'
            AND (status = 'QUEUED'
              OR (status = 'PROCESSING' AND NOT cancel_requested
                  AND heartbeat_at < now() - make_interval(secs => ${this.config.EXPORT_STALE_SECONDS})
                  -- out of attempts: settleDead fails it at the next pass, it never runs again
                  AND coalesce((options->>'attempts')::int, 0) < ${this.config.EXPORT_MAX_ATTEMPTS}))
          ORDER BY priority, created_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
        RETURNING id, (options->>'attempts')::int AS attempts`;
      if (!claimed) return ran;
      await this.runner.run({ id: claimed.id, attempt: claimed.attempts });
      ran++;
    }
  }

  /** Silent PROCESSING exports that must not run again: cancelled ones become CANCELLED, ones out of attempts FAILED. */
  private async settleDead(): Promise<void> {
    const stale = this.config.EXPORT_STALE_SECONDS;
    await this.db.$executeRaw`
      UPDATE import_export_jobs SET status = 'CANCELLED', completed_at = now(), updated_at = now(), estimated_time_ms = NULL,
        failure_reason = 'Cancelled while its worker was gone'
      WHERE type = 'EXPORT' AND status = 'PROCESSING' AND cancel_requested
        AND heartbeat_at < now() - make_interval(secs => ${stale})`;
    await this.db.$executeRaw`
      UPDATE import_export_jobs SET status = 'FAILED', completed_at = now(), updated_at = now(), estimated_time_ms = NULL,
        failure_reason = 'Its worker stopped ' || (options->>'attempts') || ' times without finishing it'
      WHERE type = 'EXPORT' AND status = 'PROCESSING' AND NOT cancel_requested
        AND heartbeat_at < now() - make_interval(secs => ${stale})
        AND coalesce((options->>'attempts')::int, 0) >= ${this.config.EXPORT_MAX_ATTEMPTS}`;
  }
}
