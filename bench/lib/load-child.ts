/**
 * The load generator, in its own process so its CPU is not taken from the stack under test in the bench's
 * process: HTTP through an undici Pool (keep-alive, one connection per call in flight), or SQL through a pg Pool.
 * Driven over IPC (see child.ts): { type: 'run', job, concurrency, durationMs } -> LoadResult.
 */
import { performance } from 'node:perf_hooks';
import { Pool as PgPool } from 'pg';
import { Pool as HttpPool } from 'undici';
import { serveParent } from './child';

export type LoadJob =
  | { kind: 'http'; origin: string; path: string; headers?: Record<string, string> }
  | { kind: 'pg'; connectionString: string; poolMax: number; sql: string; params?: unknown[] };

export interface LoadRequest {
  type: 'run';
  job: LoadJob;
  concurrency: number;
  durationMs: number;
  /** Send every latency back too, so rounds can be pooled into one distribution. */
  samples?: boolean;
}

export interface LoadResult {
  type: 'result';
  operations: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  latencies?: number[];
}

const httpPools = new Map<string, HttpPool>();
const pgPools = new Map<string, PgPool>();

function callFor(job: LoadJob, concurrency: number): () => Promise<void> {
  if (job.kind === 'http') {
    const key = `${job.origin} ${concurrency}`;
    let pool = httpPools.get(key);
    if (!pool) httpPools.set(key, (pool = new HttpPool(job.origin, { connections: concurrency, pipelining: 1 })));
    const http = pool;
    return async () => {
      const { statusCode, body } = await http.request({ method: 'GET', path: job.path, headers: job.headers });
      await body.arrayBuffer();
      if (statusCode !== 200) throw new Error(`HTTP ${statusCode} on ${job.path}`);
    };
  }
  const key = `${job.connectionString} ${job.poolMax}`;
  let pool = pgPools.get(key);
  if (!pool) pgPools.set(key, (pool = new PgPool({ connectionString: job.connectionString, max: job.poolMax })));
  const pg = pool;
  return async () => {
    await pg.query(job.sql, job.params);
  };
}

async function run({ job, concurrency, durationMs, samples }: LoadRequest): Promise<LoadResult> {
  const call = callFor(job, concurrency);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    type: 'result',
    operations: latencies.length,
    errors,
    firstError,
    elapsedMs,
    p50Ms: pct(50),
    p99Ms: pct(99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
    latencies: samples ? latencies : undefined,
  };
}

serveParent({ run: (m: LoadRequest) => run(m) }, async () => {
  await Promise.all([...httpPools.values()].map((p) => p.close()));
  await Promise.all([...pgPools.values()].map((p) => p.end()));
});
process.send?.({ type: 'ready' });
