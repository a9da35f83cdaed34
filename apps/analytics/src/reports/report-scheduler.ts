import { Injectable, Logger } from '@nestjs/common';
import { AnalyticsDb } from '@suite/db/analytics';
import { InjectDb } from '@suite/platform';
import { nextRun, Schedule } from './report-schedule';

/**
 * Fires due schedules. Each replica reads the due reports, then races for each with one conditional
 * UPDATE (next_run_at moves only if it still holds the value read): exactly one replica wins a tick
 * and queues its execution in the same transaction. The next tick is computed from now, so ticks
 * missed while every replica was down collapse into the one run that fires at start.
 */
@Injectable()
export class ReportScheduler {
  private readonly logger = new Logger('ReportScheduler');

  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  async tick(now = new Date()): Promise<number> {
    const due = await this.db.report.findMany({
      where: { isActive: true, nextRunAt: { lte: now } },
      select: { id: true, nextRunAt: true, schedule: true, format: true },
      orderBy: { nextRunAt: 'asc' },
      take: 100,
    });
    let fired = 0;
    for (const report of due) {
      const tick = report.nextRunAt!;
      const next = nextRun(report.schedule as unknown as Schedule, now);
      const won = await this.db.$transaction(async (tx) => {
        const moved = await tx.$executeRaw`
          UPDATE reports SET next_run_at = ${next}, last_run_at = ${now}
          WHERE id = ${report.id}::uuid AND next_run_at = ${tick}`;
        if (moved !== 1) return false;
        await tx.reportExecution.create({ data: { reportId: report.id, format: report.format, scheduledFor: tick } });
        return true;
      });
      if (won) fired++;
    }
    if (fired) this.logger.log({ fired }, 'scheduled reports queued');
    return fired;
  }
}
