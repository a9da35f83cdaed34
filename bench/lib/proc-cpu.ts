import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (100 on Linux almost everywhere). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, ms; undefined once it is gone. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** Pids of processes whose command line (NUL-separated args) matches. */
export function findPids(match: (args: string[]) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (match(args)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** The nats-server a stack started on this port (the stack does not expose its process). */
export function natsServerPids(natsUrl: string): number[] {
  const port = new URL(natsUrl).port;
  return findPids((args) => /(^|\/)nats-server$/.test(args[0] ?? '') && args.some((a, i) => a === port && args[i - 1] === '-p'));
}

/** One process, or a group of them (the PostgreSQL backends of one database), whose CPU time is charged to the requests. */
export interface CpuProbe {
  name: string;
  /** Looked up before and after the measurement; a pid seen only after is charged in full, one gone before the end is lost. */
  pids: () => Promise<number[]> | number[];
}

export interface CpuSample {
  probes: { name: string; ms: Map<number, number> }[];
}

export async function sampleCpu(probes: CpuProbe[]): Promise<CpuSample> {
  const result: CpuSample = { probes: [] };
  for (const probe of probes) {
    const ms = new Map<number, number>();
    for (const pid of await probe.pids()) {
      const used = processCpuMs(pid);
      if (used !== undefined) ms.set(pid, used);
    }
    result.probes.push({ name: probe.name, ms });
  }
  return result;
}

/** CPU ms each probe used between two samples. */
export function cpuDelta(before: CpuSample, after: CpuSample): { name: string; ms: number; processes: number }[] {
  return after.probes.map((probe, i) => {
    let ms = 0;
    for (const [pid, used] of probe.ms) ms += used - (before.probes[i]?.ms.get(pid) ?? 0);
    return { name: probe.name, ms, processes: probe.ms.size };
  });
}

export const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
