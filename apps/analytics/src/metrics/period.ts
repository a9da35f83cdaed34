import { invalid } from '@suite/platform';

export type Interval = 'hour' | 'day' | 'week' | 'month';

export interface ResolvedPeriod {
  from: Date;
  to: Date;
  timezone: string;
  interval: Interval;
}

export interface PeriodInput {
  period?: 'day' | 'week' | 'month' | 'custom';
  date?: string;
  from?: string;
  to?: string;
  timezone?: string;
  interval?: Interval;
}

const bad = (field: string, message: string) => invalid('ANALYTICS.INVALID_PERIOD', message, { errors: [{ field, messages: [message] }] });

/** An IANA zone the runtime knows (Postgres knows the same database), else null. */
export function checkTimezone(timezone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
export function offsetMs(timezone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The UTC instant of local midnight starting a local date (y, m 1-12, d; overflow rolls over). */
export function localMidnight(timezone: string, y: number, m: number, d: number): Date {
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - offsetMs(timezone, wall);
  return new Date(wall - offsetMs(timezone, first));
}

/** Today's local date in the zone. */
export function localToday(timezone: string, now = Date.now()): string {
  return new Date(now + offsetMs(timezone, now)).toISOString().slice(0, 10);
}

const ymd = (text: string): [number, number, number] | null => {
  const [y, m, d] = text.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? [y, m, d] : null;
};

/**
 * The [from, to) instants of a period in the caller's zone: a local day, a week from Monday, a
 * month, or local days from..to included; the series step defaults to hours for a day, days otherwise.
 */
export function resolvePeriod(input: PeriodInput, now = Date.now()): ResolvedPeriod {
  const timezone = checkTimezone(input.timezone ?? 'UTC');
  if (!timezone) throw bad('timezone', `timezone ${input.timezone} is not an IANA time zone (e.g. Asia/Manila)`);
  const period = input.period ?? 'day';
  const interval = input.interval ?? (period === 'day' ? 'hour' : 'day');
  if (period === 'custom') {
    if (!input.from) throw bad('from', 'from is required for a custom period');
    if (!input.to) throw bad('to', 'to is required for a custom period');
    const [from, to] = [ymd(input.from), ymd(input.to)];
    if (!from) throw bad('from', `from ${input.from} is not a date`);
    if (!to) throw bad('to', `to ${input.to} is not a date`);
    if (input.from > input.to) throw bad('from', `from ${input.from} is after to ${input.to}`);
    const start = localMidnight(timezone, ...from);
    const end = localMidnight(timezone, to[0], to[1], to[2] + 1);
    if (end.getTime() - start.getTime() > 3700 * 86_400_000) throw bad('to', 'a custom period spans at most ten years');
    if (interval === 'hour' && end.getTime() - start.getTime() > 93 * 86_400_000)
      throw bad('interval', 'hourly series span at most 93 days');
    return { from: start, to: end, timezone, interval };
  }
  const anchor = input.date ?? localToday(timezone, now);
  const day = ymd(anchor);
  if (!day) throw bad('date', `date ${anchor} is not a date`);
  const [y, m, d] = day;
  if (period === 'day') return { from: localMidnight(timezone, y, m, d), to: localMidnight(timezone, y, m, d + 1), timezone, interval };
  if (period === 'week') {
    const monday = d - ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7);
    return { from: localMidnight(timezone, y, m, monday), to: localMidnight(timezone, y, m, monday + 7), timezone, interval };
  }
  return { from: localMidnight(timezone, y, m, 1), to: localMidnight(timezone, y, m + 1, 1), timezone, interval };
}
