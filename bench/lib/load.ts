import { cpus } from 'node:os';
import type { BenchChild } from './child';
import type { LoadJob, LoadRequest, LoadResult } from './load-child';
import { LoadOptions, Measurement, warmupWindows } from './measure';
import { CpuProbe, cpuDelta, sampleCpu } from './proc-cpu';

/** One thing to load from the load child, and the processes whose CPU it costs. */
export interface Scenario {
  name: string;
  job: LoadJob;
  probes: CpuProbe[];
}

/** A measurement driven from the load child, with the CPU each process spent per operation. */
export interface LoadMeasurement extends Measurement {
  /** ms of CPU per operation, by process (or group of processes), in probe order; the load generator last. */
  cpu: { name: string; msPerOp: number; processes: number }[];
  /** ops/s of each warm-up window. */
  warmup: number[];
  /** ops/s of each measured round. */
  rounds: number[];
}

/**
 * Measures scenarios side by side from one load child (its own process), so their ratios hold on a shared machine:
 * each is first warmed up (1 s windows until the figures stop rising, see warmupWindows), then they run in
 * `rounds` mirrored rounds (A B C, C B A, ...) of durationMs / rounds each, so drifting background load falls
 * on all of them alike. The CPU time of every probe and of the load child is read before and after each round.
 * Every call must succeed.
 */
export async function measureLoads(loader: BenchChild, scenarios: Scenario[], load: LoadOptions, rounds = 2): Promise<LoadMeasurement[]> {
  const run = async (scenario: Scenario, durationMs: number, samples = false) => {
    const request: LoadRequest = { type: 'run', job: scenario.job, concurrency: load.concurrency, durationMs, samples };
    const result = await loader.request<LoadResult>(request, 'result', durationMs + 60000);
    if (result.errors > 0)
      throw new Error(
        `${scenario.name}: ${result.errors} of ${result.errors + result.operations} calls failed, first: ${result.firstError}`,
      );
    return result;
  };
  const warmups: number[][] = [];
  for (const scenario of scenarios) warmups.push(await warmupWindows(async (ms) => rate(await run(scenario, ms)), load));
  const totals = scenarios.map(() => ({
    operations: 0,
    elapsedMs: 0,
    latencies: [] as number[],
    cpu: new Map<string, { ms: number; processes: number }>(),
    rounds: [] as number[],
  }));
  const roundMs = Math.max(1000, Math.round(load.durationMs / rounds));
  for (let round = 0; round < rounds; round++) {
    const order = scenarios.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const scenario = scenarios[i];
      const probes: CpuProbe[] = [...scenario.probes, { name: 'load generator', pids: () => [loader.child.pid!] }];
      const before = await sampleCpu(probes);
      const result = await run(scenario, roundMs, true);
      const after = await sampleCpu(probes);
      const total = totals[i];
      total.operations += result.operations;
      total.elapsedMs += result.elapsedMs;
      for (const latency of result.latencies ?? []) total.latencies.push(latency);
      total.rounds.push(Math.round(rate(result)));
      for (const d of cpuDelta(before, after)) {
        const sum = total.cpu.get(d.name) ?? { ms: 0, processes: 0 };
        total.cpu.set(d.name, { ms: sum.ms + d.ms, processes: Math.max(sum.processes, d.processes) });
      }
    }
  }
  return scenarios.map((scenario, i) => {
    const total = totals[i];
    const sorted = total.latencies.sort((a, b) => a - b);
    const pct = (p: number) => round3(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
    return {
      name: scenario.name,
      operations: total.operations,
      opsPerSecond: Math.round((total.operations / total.elapsedMs) * 1000),
      p50Ms: pct(50),
      p99Ms: pct(99),
      cpu: [...total.cpu].map(([name, c]) => ({ name, msPerOp: c.ms / total.operations, processes: c.processes })),
      warmup: warmups[i].map(Math.round),
      rounds: total.rounds,
    };
  });
}

const rate = (r: LoadResult) => (r.operations / r.elapsedMs) * 1000;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The CPU split under a row: ms per operation for each process, the server side's total (everything but the
 * load generator) and the rate that total would allow if it had every core of this machine to itself.
 */
export function cpuRow(m: LoadMeasurement): string {
  const parts = m.cpu.map((c) => `${c.name}${c.processes > 1 ? ` (${c.processes})` : ''} ${c.msPerOp.toFixed(3)}`);
  const server = m.cpu.filter((c) => c.name !== 'load generator').reduce((sum, c) => sum + c.msPerOp, 0);
  const cores = cpus().length;
  return (
    `${''.padEnd(4)}cpu ms/op: ${parts.join(', ')} | server side ${server.toFixed(3)} ms/op = at most ${Math.round((cores * 1000) / server)} ops/s on ${cores} cores\n` +
    `${''.padEnd(4)}warm-up ${m.warmup.join(' -> ')} ops/s; measured rounds ${m.rounds.join(', ')} ops/s`
  );
}
