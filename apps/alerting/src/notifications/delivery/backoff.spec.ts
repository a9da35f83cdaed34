import { nextAttempt, retryDelayMs } from './backoff';

describe('retry backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1000, 10_000, none))).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });

  it('adds at most 20 % jitter', () => {
    expect(retryDelayMs(3, 1000, 60_000, () => 1)).toBe(4800);
    expect(retryDelayMs(3, 1000, 60_000, () => 0.5)).toBe(4400);
  });

  it('retries up to maxRetries times after the first attempt, then gives up', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(nextAttempt(1, 3, now, 1000, 60_000, () => 0)).toEqual({ retry: true, at: new Date('2026-01-01T00:00:01Z') });
    expect(nextAttempt(3, 3, now, 1000, 60_000, () => 0)).toEqual({ retry: true, at: new Date('2026-01-01T00:00:04Z') });
    expect(nextAttempt(4, 3, now, 1000, 60_000)).toEqual({ retry: false });
  });
});
