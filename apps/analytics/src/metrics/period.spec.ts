import { AppError } from '@suite/platform';
import { localMidnight, localToday, resolvePeriod } from './period';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).details?.errors?.[0]?.field;
  }
  return 'no error';
};

describe('metric periods in the caller time zone', () => {
  it('starts a Manila day at 16:00 UTC the day before, so 23:30 UTC belongs to the next local day', () => {
    const p = resolvePeriod({ period: 'day', date: '2026-11-11', timezone: 'Asia/Manila' });
    expect([p.from.toISOString(), p.to.toISOString(), p.interval]).toEqual([
      '2026-11-10T16:00:00.000Z',
      '2026-11-11T16:00:00.000Z',
      'hour',
    ]);
    const late = new Date('2026-11-10T23:30:00Z').getTime();
    expect(late >= p.from.getTime() && late < p.to.getTime()).toBe(true);
    expect(localToday('Asia/Manila', late)).toBe('2026-11-11');
  });

  it('gives weeks from Monday, months from the first, and custom days inclusive', () => {
    const week = resolvePeriod({ period: 'week', date: '2026-12-02' });
    expect([week.from.toISOString(), week.to.toISOString(), week.interval]).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
      'day',
    ]);
    const month = resolvePeriod({ period: 'month', date: '2026-12-31', timezone: 'America/New_York' });
    expect([month.from.toISOString(), month.to.toISOString()]).toEqual(['2026-12-01T05:00:00.000Z', '2027-01-01T05:00:00.000Z']);
    const custom = resolvePeriod({ period: 'custom', from: '2026-11-01', to: '2026-11-02', timezone: 'UTC', interval: 'hour' });
    expect([custom.from.toISOString(), custom.to.toISOString()]).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-03T00:00:00.000Z']);
  });

  it('follows daylight saving: a New York spring-forward day has 23 hours', () => {
    const day = resolvePeriod({ period: 'day', date: '2026-03-08', timezone: 'America/New_York' });
    expect((day.to.getTime() - day.from.getTime()) / 3_600_000).toBe(23);
    expect(localMidnight('America/New_York', 2026, 3, 9).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('names the field of bad input', () => {
    expect(fieldOf(() => resolvePeriod({ timezone: 'Mars/Olympus' }))).toBe('timezone');
    expect(fieldOf(() => resolvePeriod({ period: 'custom', from: '2026-12-02', to: '2026-12-01' }))).toBe('from');
    expect(fieldOf(() => resolvePeriod({ period: 'custom', from: '2026-12-02' }))).toBe('to');
    expect(fieldOf(() => resolvePeriod({ period: 'day', date: '2026-02-30' }))).toBe('date');
    expect(fieldOf(() => resolvePeriod({ period: 'custom', from: '2026-01-01', to: '2026-12-31', interval: 'hour' }))).toBe('interval');
  });
});
