/** Starting local servers (nats-server, mosquitto) as children that live as long as we do. */
import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { isTcpOpen, waitFor, WaitAborted } from './probe';

// Debian installs nats-server and mosquitto in /usr/sbin, which is not on a non-root user's PATH.
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of [...path.split(delimiter), ...EXTRA_DIRS]) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

// If the owner dies without calling stop() (a crashed jest run, an uncaught error), the servers
// it started must not outlive it and hold their ports.
function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));
}

export interface DaemonSpec {
  name: string;
  command: string;
  args: string[];
  host: string;
  port: number;
  timeoutMs?: number;
}

export interface Daemon {
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startDaemon(spec: DaemonSpec): Promise<Daemon> {
  const child = spawn(spec.command, spec.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Keep only the tail of the output (the pipe must be drained anyway), to explain a failed start.
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | undefined;
  child.once('error', (err) => (exited = err.message));
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  killOnExit(child);

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  try {
    await waitFor(
      async () => {
        if (exited) throw new WaitAborted(`${spec.name} ${exited}`);
        return isTcpOpen(spec.host, spec.port, 500);
      },
      { timeoutMs: spec.timeoutMs ?? 15000, intervalMs: 100, what: `${spec.name} on ${spec.host}:${spec.port}` },
    );
  } catch (err) {
    await stop();
    const output = tail.trim() ? `\n--- ${spec.name} output ---\n${tail.trim()}` : '';
    throw new Error(`${(err as Error).message}${output}`);
  }
  return { child, stop };
}
