import { Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { AnalyticsDb } from '@suite/db/analytics';
import { InjectDb, PeriodicJobs } from '@suite/platform';
import { ReportRunner } from './report-runner';
import { ReportScheduler } from './report-scheduler';
import { AnalyticsConfig } from '../config';

/**
 * The two timers of every analytics replica: the scheduler (turns due schedules into PENDING
 * executions, once per tick across replicas) and the worker (claims PENDING executions with FOR
 * UPDATE SKIP LOCKED, so replicas share them and a restart picks up what was queued).
 */
@Injectable()
export class ReportJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    private readonly jobs: PeriodicJobs,
    private readonly runner: ReportRunner,
    private readonly scheduler: ReportScheduler,
    private readonly config: AnalyticsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({ name: 'report-schedules', intervalMs: this.config.REPORT_SCHEDULER_TICK_MS, run: () => this.scheduler.tick() });
    this.jobs.schedule({ name: 'report-executions', intervalMs: this.config.REPORT_WORKER_POLL_MS, run: () => this.work() });
    // A tick missed while no replica ran fires now, once (the scheduler computes the next tick from now).
    void this.jobs.runNow('report-schedules');
  }

  beforeApplicationShutdown(): void {
    this.runner.stop();
  }

  /** Runs queued executions one after another until none is left (or this process stops). */
  private async work(): Promise<number> {
    let ran = 0;
    for (;;) {
      const [claimed] = await this.db.$queryRaw<{ id: string; report_id: string }[]>`
        UPDATE report_executions SET status = 'RUNNING', started_at = now(), heartbeat_at = now()
        WHERE id = (
          SELECT id FROM report_executions
          WHERE status = 'PENDING'
             OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ${this.config.REPORT_STALE_SECONDS}))
          ORDER BY created_at
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
        RETURNING id, report_id`;
      if (!claimed) return ran;
      await this.runner.run({ id: claimed.id, reportId: claimed.report_id });
      ran++;
    }
  }
}
