import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { Throughput } from '../lib/measure';
import { BenchDevice, Offered, publishPaced, Publisher } from './fleet';

export interface IngestResult {
  offered: Offered;
  stored: number;
  /** stored readings per second, first publish -> last row stored */
  storedPerSecond: number;
  /** last publish -> last row stored */
  drainMs: number;
  /** most readings published but not yet stored at any sample */
  maxBacklog: number;
}

const count = async (db: Client) => Number((await db.query('SELECT count(*)::int AS n FROM sensor_data')).rows[0].n);

/**
 * One ingestion run: an empty sensor_data, a fixed offered load for `durationMs`, then wait until every reading is stored
 * (or the count stops growing for 3 s). Counting is cheap because the table only holds this run's rows; it samples every
 * 500 ms while publishing (for the backlog) and every 100 ms after, which is what times the last row.
 */
export async function ingestRun(
  db: Client,
  publisher: Publisher,
  fleet: BenchDevice[],
  readingsPerSecond: number,
  durationMs: number,
): Promise<IngestResult> {
  await db.query('TRUNCATE sensor_data');
  const progress = { readings: 0 };
  let publishing = true;
  let maxBacklog = 0;
  const sampler = (async () => {
    while (publishing) {
      await sleep(500);
      const published = progress.readings;
      maxBacklog = Math.max(maxBacklog, published - (await count(db)));
    }
  })();
  const offered = await publishPaced(publisher, fleet, { readingsPerSecond, durationMs, progress });
  publishing = false;
  await sampler;

  let stored = await count(db);
  let lastGrowthAt = Date.now();
  maxBacklog = Math.max(maxBacklog, offered.readings - stored);
  while (stored < offered.readings && Date.now() - lastGrowthAt < 3000 && Date.now() - offered.lastAt < 120_000) {
    await sleep(100);
    const now = await count(db);
    if (now > stored) lastGrowthAt = Date.now();
    stored = now;
  }
  const elapsedMs = Math.max(1, lastGrowthAt - offered.firstAt);
  return { offered, stored, storedPerSecond: (stored * 1000) / elapsedMs, drainMs: Math.max(0, lastGrowthAt - offered.lastAt), maxBacklog };
}

/** The row: stored/s end to end, with what was offered, the drain after the last publish, and anything lost. */
export function ingestRow(name: string, r: IngestResult): Throughput {
  const offeredPerSecond = (r.offered.readings * 1000) / Math.max(1, r.offered.lastAt - r.offered.firstAt);
  const missing = r.offered.readings - r.stored;
  return {
    name,
    perSecond: r.storedPerSecond,
    unit: 'readings/s stored',
    note: `(offered ${Math.round(offeredPerSecond)}/s, ${r.stored}/${r.offered.readings} stored${missing ? `, ${missing} MISSING` : ''}, lag ${r.drainMs} ms after last publish, max backlog ${r.maxBacklog})`,
  };
}
