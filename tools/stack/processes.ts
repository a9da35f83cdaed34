/** Child processes of the stack launcher: spawned with their output prefixed, stopped in order. */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** The exit code once the child is gone (1 when it was killed by a signal or never started). */
  exited: Promise<number>;
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Width of the name column, so every service's lines start at the same column. */
  width: number;
  color?: number;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

const COLORS = [36, 32, 33, 35, 34, 96, 92, 93, 95, 94];
export const colorFor = (i: number) => COLORS[i % COLORS.length];

function label(name: string, width: number, color: number | undefined, out: Writable & { isTTY?: boolean }): string {
  const padded = name.padEnd(width);
  const colored = out.isTTY && !process.env.NO_COLOR && color !== undefined;
  return `${colored ? `\x1b[${color}m${padded}\x1b[0m` : padded} | `;
}

/** Line by line, so a pino JSON line is never split or interleaved with another service's. */
function pipePrefixed(from: Readable | null, to: Writable & { isTTY?: boolean }, prefix: string): void {
  if (!from) return;
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(prefix + line + '\n'));
}

export function spawnPrefixed(name: string, command: string, args: string[], opts: SpawnOptions): ManagedProcess {
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  pipePrefixed(child.stdout, process.stdout, label(name, opts.width, opts.color, process.stdout));
  pipePrefixed(child.stderr, process.stderr, label(name, opts.width, opts.color, process.stderr));
  const exited = new Promise<number>((resolve) => {
    child.once('error', (err) => {
      process.stderr.write(`${label(name, opts.width, opts.color, process.stderr)}failed to start: ${err.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      opts.onExit?.(code, signal);
      resolve(code ?? 1);
    });
  });
  const stop = async (graceMs = 10000) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    // SIGTERM lets Nest close its NATS subscriptions and HTTP server; SIGKILL if it hangs.
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  };
  return { name, child, exited, stop };
}

export async function stopAll(processes: ManagedProcess[], graceMs?: number): Promise<void> {
  await Promise.all(processes.map((p) => p.stop(graceMs)));
}

export function killAll(processes: ManagedProcess[]): void {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
}

/** The build outputs the launcher needs, relative to root, that are not there. */
export function missingFiles(root: string, files: string[]): string[] {
  return files.filter((f) => !existsSync(join(root, f)));
}
