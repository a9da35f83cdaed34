import { OnApplicationShutdown } from '@nestjs/common';
import { windowRecord, WindowRecord, windowStartOf, WindowStorage } from './fixed-window';

/** Counters of one gateway process (no REDIS_URL): the same fixed windows as Redis, so behaviour does not change with it. */
export class MemoryWindowStorage implements WindowStorage, OnApplicationShutdown {
  private readonly counters = new Map<string, { hits: number; expiresAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), sweepEveryMs);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number): Promise<WindowRecord> {
    const now = Date.now();
    const start = windowStartOf(now, ttl);
    const id = `${key}:${start}`;
    const counter = this.counters.get(id);
    const hits = counter ? ++counter.hits : 1;
    if (!counter) this.counters.set(id, { hits, expiresAt: start + ttl });
    return windowRecord(hits, limit, start, ttl, now);
  }

  /** Windows that have ended are forgotten, so the map holds only the current window of each caller. */
  sweep(now: number): void {
    for (const [id, counter] of this.counters) if (counter.expiresAt <= now) this.counters.delete(id);
  }

  get size(): number {
    return this.counters.size;
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
