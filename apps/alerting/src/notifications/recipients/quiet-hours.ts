/** Minutes since midnight of `at` on the wall clock of `timeZone` (IANA). */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface QuietHours {
  start: string;
  end: string;
  timeZone: string;
}

/**
 * When `at` falls in the quiet window (which may wrap midnight: 22:00-07:00), the instant it ends;
 * otherwise null. Computed on the user's wall clock so daylight-saving zones keep their local hours.
 */
export function quietUntil(at: Date, quiet: QuietHours): Date | null {
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return null;
  const now = localMinutes(at, quiet.timeZone);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const minutesLeft = (end - now + 24 * 60) % (24 * 60);
  const until = new Date(at.getTime() + minutesLeft * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}

/** CRITICAL is never held back by quiet hours; everything else waits for the window to end. */
export function deferredUntil(at: Date, priority: string, quiet: QuietHours | null): Date | null {
  if (!quiet || priority === 'CRITICAL') return null;
  return quietUntil(at, quiet);
}
