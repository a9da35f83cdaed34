import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DB, PrismaLike } from '../db/prisma.module';

export interface PeriodicJobSpec {
  /** Shown in logs; with `singleton`, also the advisory lock's key. */
  name: string;
  intervalMs: number;
  /** One pass; may return a count worth logging (rows expired, carts swept). */
  run: () => Promise<number | void>;
  /**
   * Only one replica runs a pass at a time (a PostgreSQL advisory lock held for the pass). Leave it
   * off when the pass claims its rows with FOR UPDATE SKIP LOCKED: replicas then share the work.
   */
  singleton?: boolean;
  /** A pass may be skipped while this says no (a consumer still catching up, say). */
  when?: () => Promise<boolean>;
}

interface Scheduled {
  spec: PeriodicJobSpec;
  timer: NodeJS.Timeout;
  pass?: Promise<void>;
}

/**
 * The one way a service runs work on a timer: never two passes of a job at once in a process, a
 * failed pass logged and retried at the next tick, every timer cleared and the running pass awaited
 * on shutdown. Jobs are scheduled from a provider's onApplicationBootstrap.
 */
@Injectable()
export class PeriodicJobs implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('PeriodicJobs');
  private readonly jobs: Scheduled[] = [];
  private stopped = false;

  constructor(@Optional() @Inject(DB) private readonly db?: PrismaLike) {}

  schedule(spec: PeriodicJobSpec): void {
    if (this.stopped) return;
    const job: Scheduled = { spec, timer: setInterval(() => this.tick(job), spec.intervalMs) };
    this.jobs.push(job);
  }

  /** Runs one pass now (tests, and a job's first pass at start-up); resolves when it ends. */
  runNow(name: string): Promise<void> {
    const job = this.jobs.find((j) => j.spec.name === name);
    if (!job) throw new Error(`no periodic job ${name}`);
    this.tick(job);
    return job.pass ?? Promise.resolve();
  }

  /** Nest calls this first: a running pass may still need the NATS connection, which drains on shutdown. */
  beforeApplicationShutdown(): Promise<void> {
    return this.onApplicationShutdown();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs) clearInterval(job.timer);
    await Promise.allSettled(this.jobs.map((j) => j.pass));
  }

  private tick(job: Scheduled): void {
    if (this.stopped || job.pass) return;
    job.pass = this.pass(job.spec).finally(() => (job.pass = undefined));
  }

  private async pass(spec: PeriodicJobSpec): Promise<void> {
    try {
      if (spec.when && !(await spec.when())) return;
      const count = spec.singleton ? await this.alone(spec) : await spec.run();
      if (typeof count === 'number' && count > 0) this.logger.log({ job: spec.name, count }, `${spec.name}: ${count}`);
    } catch (error) {
      this.logger.warn({ err: error, job: spec.name }, `${spec.name} pass failed; retrying at the next tick`);
    }
  }

  /** The pass runs while this transaction holds the job's advisory lock; another replica's try fails and skips. */
  private async alone(spec: PeriodicJobSpec): Promise<number | void> {
    if (!this.db) throw new Error(`${spec.name}: a singleton job needs the service's database`);
    return this.db.$transaction(
      async (tx) => {
        const [{ locked }]: { locked: boolean }[] = await tx.$queryRawUnsafe(
          'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
          `job:${spec.name}`,
        );
        return locked ? spec.run() : undefined;
      },
      { timeout: Math.max(60000, spec.intervalMs * 10) },
    );
  }
}
