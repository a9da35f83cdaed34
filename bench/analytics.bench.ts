import { fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * Analytics (issue 16): event ingest into AnalyticsEvent + aggregates against a raw COPY, and a metric from the
 * aggregates against the raw SQL aggregate over the events. The measuring code lives with the app
 * (apps/analytics/src/bench/ingest-and-query.bench.ts: it runs the app's own statements) and runs as a child process.
 * BENCH_ANALYTICS_EVENTS (1,000,000 by default; 10,000,000 for the full size) and BENCH_ANALYTICS_BATCH tune it.
 */
export function analyticsBench(): Promise<string[]> {
  const script = join(__dirname, '..', 'apps', 'analytics', 'src', 'bench', 'ingest-and-query.bench.js');
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { env: process.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let rows: string[] | undefined;
    child.on('message', (message: { rows?: string[] }) => (rows = message.rows));
    child.on('error', reject);
    child.on('exit', (code) => (rows && code === 0 ? resolve(rows) : reject(new Error(`analytics bench exited with ${code}`))));
  });
}
