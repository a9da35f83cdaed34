import { ActiveHoursDto } from '@suite/contracts/alerting';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Whether `at` falls in the rule's active window (in its time zone, UTC by default); no window: always. */
export function isActiveAt(hours: ActiveHoursDto | null | undefined, at: Date): boolean {
  if (!hours) return true;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: hours.timezone ?? 'UTC',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return true; // an unknown zone was refused when saved; a zone dropped from the runtime's data must not silence a rule
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS.indexOf(part('weekday')) + 1;
  const minutes = Number(part('hour')) * 60 + Number(part('minute'));
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const [start, end] = [toMinutes(hours.start), toMinutes(hours.end)];
  // A window over midnight belongs to the day it starts on.
  const overnight = start > end;
  const inWindow = overnight ? minutes >= start || minutes < end : minutes >= start && minutes < end;
  const windowDay = overnight && minutes < end ? ((day + 5) % 7) + 1 : day;
  return inWindow && (!hours.days || hours.days.length === 0 || hours.days.includes(windowDay));
}
