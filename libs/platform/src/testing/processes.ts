import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { findRepoRoot } from '../infra/local-services';

export const REPO_ROOT = findRepoRoot();

/**
 * A port nothing listens on, for a child process to bind a moment later. It is drawn from below the kernel's
 * ephemeral range: a port the kernel hands out (listen(0)) is free only until the next outgoing connection takes it,
 * and a stack opens hundreds of those (pg, NATS, fetch) while its services boot; CI lost a whole spec to
 * EADDRINUSE that way. Ports handed out by this process are never handed out again; other jest workers draw at random.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = FIXED_PORT_LOW + Math.floor(Math.random() * (FIXED_PORT_HIGH - FIXED_PORT_LOW));
    if (handedOut.has(port)) continue;
    if ((await canListen(port, '0.0.0.0')) && (await canListen(port, '127.0.0.1'))) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${FIXED_PORT_LOW} and ${FIXED_PORT_HIGH}`);
}

const FIXED_PORT_LOW = 20_000;
const FIXED_PORT_HIGH = ephemeralRangeStart() - 1;
const handedOut = new Set<number>();

function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return low > FIXED_PORT_LOW + 1000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A child process whose output is kept, so a spec can assert on what it logged. */
export interface Running {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

const EXIT_WITH_PARENT = join(REPO_ROOT, 'libs/platform/src/testing/exit-with-parent.cjs');

export function startService(service: string, env: NodeJS.ProcessEnv): Running {
  return run(process.execPath, ['--require', EXIT_WITH_PARENT, join(REPO_ROOT, 'dist/apps', service, 'src/main.js')], env);
}

/** The last lines a process printed, to say why it did not come up. */
export function outputTail(running: Running, lines = 15): string {
  return running.output().trimEnd().split('\n').slice(-lines).join('\n');
}

export async function eventually<T>(fn: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (accept(last)) return last;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
}
