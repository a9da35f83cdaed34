/**
 * Exponential backoff of a failed delivery: base, 2x base, 4x base... capped, with up to 20 % jitter
 * (random() is injectable so the spec is exact) so that many notifications failing at once against one
 * provider do not all come back in the same second.
 */
export function retryDelayMs(retryCount: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, retryCount - 1));
  return Math.round(exponential * (1 + 0.2 * random()));
}

/** After `retryCount` failed attempts (1 = the first one failed): another try, or the last has failed. */
export function nextAttempt(
  retryCount: number,
  maxRetries: number,
  now: Date,
  baseMs: number,
  maxMs: number,
  random?: () => number,
): { retry: true; at: Date } | { retry: false } {
  if (retryCount > maxRetries) return { retry: false };
  return { retry: true, at: new Date(now.getTime() + retryDelayMs(retryCount, baseMs, maxMs, random)) };
}
