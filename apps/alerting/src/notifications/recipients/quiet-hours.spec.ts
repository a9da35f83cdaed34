import { deferredUntil, isValidTimeZone, quietUntil } from './quiet-hours';

describe('quiet hours', () => {
  const manila = (start: string, end: string) => ({ start, end, timeZone: 'Asia/Manila' });

  it('holds a message inside a window that wraps midnight, until the window ends in the user zone', () => {
    // 15:30 UTC is 23:30 in Manila (UTC+8): inside 22:00-07:00, which ends at 07:00 Manila = 23:00 UTC.
    expect(quietUntil(new Date('2026-03-01T15:30:00Z'), manila('22:00', '07:00'))).toEqual(new Date('2026-03-01T23:00:00Z'));
    // 22:10 UTC is 06:10 in Manila the next day: still inside, 50 minutes left.
    expect(quietUntil(new Date('2026-03-01T22:10:00Z'), manila('22:00', '07:00'))).toEqual(new Date('2026-03-01T23:00:00Z'));
  });

  it('lets a message through outside the window and for an empty window', () => {
    expect(quietUntil(new Date('2026-03-01T04:00:00Z'), manila('22:00', '07:00'))).toBeNull();
    expect(quietUntil(new Date('2026-03-01T04:00:00Z'), manila('09:00', '09:00'))).toBeNull();
  });

  it('handles a window within one day', () => {
    // 05:00 UTC = 13:00 Manila, inside 12:00-14:00.
    expect(quietUntil(new Date('2026-03-01T05:00:00Z'), manila('12:00', '14:00'))).toEqual(new Date('2026-03-01T06:00:00Z'));
  });

  it('never holds back CRITICAL', () => {
    const at = new Date('2026-03-01T15:30:00Z');
    expect(deferredUntil(at, 'CRITICAL', manila('22:00', '07:00'))).toBeNull();
    expect(deferredUntil(at, 'HIGH', manila('22:00', '07:00'))).toEqual(new Date('2026-03-01T23:00:00Z'));
    expect(deferredUntil(at, 'LOW', null)).toBeNull();
  });

  it('knows IANA zones', () => {
    expect(isValidTimeZone('Asia/Manila')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
