import { CronExpressionParser } from 'cron-parser';

export interface Schedule {
  cron: string;
  timezone: string;
}

export type ScheduleCheck = { ok: true; schedule: Schedule } | { ok: false; field: string; message: string };

const knownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A schedule that can run: a cron cron-parser reads and that has a next time, in a real IANA zone. */
export function checkSchedule(input: { cron: string; timezone?: string }): ScheduleCheck {
  const timezone = input.timezone ?? 'UTC';
  if (!knownZone(timezone))
    return { ok: false, field: 'schedule.timezone', message: `schedule.timezone ${timezone} is not an IANA time zone` };
  const fields = input.cron.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) {
    return {
      ok: false,
      field: 'schedule.cron',
      message: 'schedule.cron must have 5 fields (minute hour day month weekday) or 6 with seconds',
    };
  }
  try {
    CronExpressionParser.parse(input.cron, { tz: timezone, strict: false }).next();
  } catch (error) {
    return { ok: false, field: 'schedule.cron', message: `schedule.cron cannot run: ${(error as Error).message}` };
  }
  return { ok: true, schedule: { cron: input.cron.trim(), timezone } };
}

/** The first tick strictly after `after`, in the schedule's zone. */
export function nextRun(schedule: Schedule, after: Date): Date {
  return CronExpressionParser.parse(schedule.cron, { tz: schedule.timezone, currentDate: after }).next().toDate();
}
