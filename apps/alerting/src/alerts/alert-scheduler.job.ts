import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicJobs } from '@suite/platform';
import { AlertingConfig } from '../config';
import { GroupFlush } from './group-flush';
import { NotifyRelay } from './notify-relay';
import { AlertTimers } from './timers';

/**
 * Every ALERT_SCHEDULER_INTERVAL_MS, in every replica: due group flushes, the per-alert timers, then the relay of
 * what they decided. All state lives in the database, so a restart loses no timer and replicas share the rows.
 */
@Injectable()
export class AlertSchedulerJob implements OnApplicationBootstrap {
  static readonly JOB = 'alert-scheduler';

  constructor(
    private readonly jobs: PeriodicJobs,
    private readonly config: AlertingConfig,
    private readonly flush: GroupFlush,
    private readonly timers: AlertTimers,
    private readonly relay: NotifyRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({
      name: AlertSchedulerJob.JOB,
      intervalMs: this.config.ALERT_SCHEDULER_INTERVAL_MS,
      run: async () => (await this.flush.run()) + (await this.timers.run()) + (await this.relay.run()),
    });
  }
}
