import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AnalyticsDb } from '@suite/db/analytics';
import { InjectDb, PeriodicJobs } from '@suite/platform';
import { AnalyticsConfig } from '../config';
import { ImportRunner } from './import-runner';

/**
 * The import worker of every analytics replica: claims the next job with FOR UPDATE SKIP LOCKED
 * (replicas share the queue), URGENT before NORMAL before LOW, then oldest first. A PROCESSING job
 * whose heartbeat is older than IMPORT_STALE_SECONDS lost its worker (a crash, a kill): it is taken
 * over and resumes after the records it had done; past IMPORT_MAX_RESUMES takeovers it is failed.
 */
@Injectable()
export class ImportJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    private readonly jobs: PeriodicJobs,
    private readonly runner: ImportRunner,
    private readonly config: AnalyticsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({ name: 'import-jobs', intervalMs: this.config.IMPORT_WORKER_POLL_MS, run: () => this.work() });
  }

  beforeApplicationShutdown(): void {
    this.runner.stop();
  }

  private async work(): Promise<number> {
    let ran = 0;
    for (;;) {
      const [claimed] = await this.db.$queryRaw<{ id: string }[]>`
        WITH next AS (
          SELECT id, status, processed_records FROM import_export_jobs
           WHERE type = 'IMPORT' AND (status = 'QUEUED'
              OR (status = 'PROCESSING' AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${this.config.IMPORT_STALE_SECONDS}))))
           ORDER BY CASE priority WHEN 'URGENT' THEN 0 WHEN 'NORMAL' THEN 1 ELSE 2 END, created_at, id
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
        UPDATE import_export_jobs j SET status = 'PROCESSING', started_at = coalesce(j.started_at, now()), heartbeat_at = now(), updated_at = now(),
          options = jsonb_set(coalesce(j.options, '{}'::jsonb), '{resumes}',
            to_jsonb(coalesce((j.options->>'resumes')::int, 0) + CASE WHEN next.status = 'PROCESSING' OR next.processed_records > 0 THEN 1 ELSE 0 END))
        FROM next WHERE j.id = next.id
        RETURNING j.id`;
      if (!claimed) return ran;
      await this.runner.run(claimed.id);
      ran++;
    }
  }
}
