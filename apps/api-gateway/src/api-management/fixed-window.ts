import type { ThrottlerStorage } from '@nestjs/throttler';

/**
 * Counters count fixed windows aligned to the epoch (a 60 s window starts at a whole minute), so every
 * gateway replica derives the same window start for a request without asking the others; that start
 * is the key of the RateLimitLog row the refused requests of the window add up in.
 */
export const windowStartOf = (now: number, windowMs: number): number => Math.floor(now / windowMs) * windowMs;

/** What a storage answers: the throttler's record plus the window it counted in. */
export interface WindowRecord {
  totalHits: number;
  /** Seconds until the window ends. */
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
  windowStart: number;
}

export interface WindowStorage extends ThrottlerStorage {
  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<WindowRecord>;
}

/** The record of the `totalHits`-th request of the window [windowStart, windowStart + windowMs), seen at `now`. */
export function windowRecord(totalHits: number, limit: number, windowStart: number, windowMs: number, now: number): WindowRecord {
  const timeToExpire = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  const isBlocked = totalHits > limit;
  return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0, windowStart };
}
