/**
 * Socket-level checks shared by the stack launcher and the test harness. Plain Node on purpose:
 * the launcher must start without loading NestJS.
 */
import { createConnection, createServer } from 'node:net';

/** True when something accepts a TCP connection at host:port within timeoutMs. */
export function isTcpOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitForOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Named in the error, so a timeout says what was missing rather than just "timed out". */
  what: string;
}

/** Thrown from a waitFor callback when waiting longer cannot help (the child already exited). */
export class WaitAborted extends Error {}

/**
 * Calls fn until it returns a truthy value and returns that value. A throw counts as "not yet"
 * (except WaitAborted), and the last one is quoted in the timeout error: usually the real cause.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, opts: WaitForOptions): Promise<NonNullable<T>> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      if (err instanceof WaitAborted) throw err;
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${opts.timeoutMs} ms waiting for ${opts.what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, Math.min(opts.intervalMs ?? 200, Math.max(1, deadline - Date.now()))));
  }
}

function canListen(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ host, port, exclusive: true }, () => {
      const bound = (server.address() as { port: number }).port;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * `preferred` if it is free, else the next few above it (so restarts land on a predictable port),
 * else any port the kernel hands out.
 */
export async function findFreePort(host = '127.0.0.1', preferred = 0, tries = 10): Promise<number> {
  for (let i = 0; preferred && i < tries; i++) {
    const port = await canListen(host, preferred + i);
    if (port) return port;
  }
  const port = await canListen(host, 0);
  if (!port) throw new Error(`No free TCP port on ${host}`);
  return port;
}

export interface Endpoint {
  host: string;
  port: number;
}

/**
 * host:port of a connection URL. NATS accepts a comma-separated server list and bare host:port,
 * so every entry is returned.
 */
export function endpointsOf(url: string, defaultPort: number): Endpoint[] {
  return url
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const parsed = new URL(entry.includes('://') ? entry : `tcp://${entry}`);
      const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
      return { host, port: parsed.port ? Number(parsed.port) : defaultPort };
    });
}

/** The URL without its password, for log lines and error messages (secrets are never logged). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}
