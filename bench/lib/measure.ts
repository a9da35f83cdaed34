import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  operations: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadOptions {
  /** Calls in flight at once. */
  concurrency: number;
  durationMs: number;
  /** Warm-up window (JIT, pools, caches): windows are repeated until throughput stops rising, see warmupWindows. */
  warmupMs?: number;
  /** The longest warm-up, however the figures move. */
  warmupMaxMs?: number;
}

/**
 * Runs warm-up windows of `warmupMs` until three windows in a row fail to beat the best window before them by 5%,
 * or `warmupMaxMs` is spent: processes that never served the call are not measured cold. A cold gateway + service
 * keeps rising for ~10 s at 32 in flight (here: 290 -> 600 -> 1000 -> 1400 req/s), with dips on the way, so one flat
 * window proves nothing. Returns each window's throughput.
 */
export async function warmupWindows(window: (ms: number) => Promise<number>, options: LoadOptions): Promise<number[]> {
  const windowMs = options.warmupMs ?? 1000;
  const maxMs = Math.max(options.warmupMaxMs ?? 20000, 4 * windowMs);
  const rates: number[] = [];
  let flat = 0;
  for (let spent = 0; spent + windowMs <= maxMs; spent += windowMs) {
    const best = Math.max(0, ...rates);
    const rate = await window(windowMs);
    rates.push(rate);
    flat = rates.length > 1 && rate < best * 1.05 ? flat + 1 : 0;
    if (flat >= 3) break;
  }
  return rates;
}

/** Runs `call` with a fixed number of calls in flight for a fixed time; every call must succeed. */
export async function measure(name: string, call: () => Promise<unknown>, options: LoadOptions): Promise<Measurement> {
  await warmupWindows(async (ms) => {
    const done: number[] = [];
    await drive(call, options.concurrency, ms, done);
    return (done.length / ms) * 1000;
  }, options);
  const latencies: number[] = [];
  const started = performance.now();
  await drive(call, options.concurrency, options.durationMs, latencies);
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    name,
    operations: latencies.length,
    opsPerSecond: Math.round((latencies.length / elapsed) * 1000),
    p50Ms: round(pct(50)),
    p99Ms: round(pct(99)),
  };
}

async function drive(call: () => Promise<unknown>, concurrency: number, durationMs: number, latencies: number[]): Promise<void> {
  const deadline = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      await call();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** One table row: the subject against its baseline measured in the same run. */
export function ratio(subject: Measurement, baseline: Measurement): string {
  const throughput = (subject.opsPerSecond / baseline.opsPerSecond).toFixed(2);
  const latency = (subject.p50Ms / baseline.p50Ms).toFixed(2);
  return `${subject.name.padEnd(44)} ${String(subject.opsPerSecond).padStart(8)} ops/s  p50 ${subject.p50Ms.toFixed(3)} ms  p99 ${subject.p99Ms.toFixed(3)} ms  | vs ${baseline.name}: throughput x${throughput}, p50 x${latency}`;
}

/** A rate measured once (rows or messages per second), not a stream of timed calls. */
export interface Throughput {
  name: string;
  perSecond: number;
  /** what is counted: 'readings/s', 'msgs/s', 'rows/s' */
  unit: string;
  /** anything else worth a column: lag, drain time, sizes */
  note?: string;
}

/** A throughput-only row in the same layout as ratio(), with the baseline from the same run when there is one. */
export function throughputRow(subject: Throughput, baseline?: Throughput): string {
  const note = subject.note ? `  ${subject.note}` : '';
  const vs = baseline ? `  | vs ${baseline.name}: throughput x${(subject.perSecond / baseline.perSecond).toFixed(2)}` : '';
  return `${subject.name.padEnd(44)} ${String(Math.round(subject.perSecond)).padStart(8)} ${subject.unit}${note}${vs}`;
}

/** p50/p99/max of latencies in ms (unsorted input), in the same layout as ratio(). */
export function latencyRow(name: string, samplesMs: number[], unit = 'samples'): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return `${name.padEnd(44)} ${String(sorted.length).padStart(8)} ${unit}  p50 ${pct(50).toFixed(3)} ms  p99 ${pct(99).toFixed(3)} ms  max ${(sorted[sorted.length - 1] ?? NaN).toFixed(3)} ms`;
}
