import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { databaseUrlFor } from '../config/database-url';
import { ServiceName } from '../config/services';
import { migrateAll } from '../infra/migrations';
import { eventually, freePort, outputTail, run, Running, startService } from './processes';
import { findSecrets } from './secret-scan';

/** A loaded 2-core CI machine starts ten Node processes in well under this; beyond it something is wrong. */
const STARTUP_TIMEOUT_MS = Number(process.env.STACK_STARTUP_TIMEOUT_MS ?? 45000);

// Response bodies are checked field by field in the specs; their shape is what is under test.
export const json = (response: Response): Promise<any> => response.json();

export interface Stack {
  base: string;
  nc: NatsConnection;
  env: NodeJS.ProcessEnv;
  services: Record<string, Running>;
  gateway: Running;
  /** A connection to one service's database, for asserting on what was stored. */
  db(service: ServiceName): Promise<Client>;
  stop(): Promise<void>;
}

/**
 * The gateway and the named services as real processes (from dist/), on a private nats-server so no
 * other stack on this machine can answer for them, with databases of their own (a unique prefix).
 */
/**
 * Every stack this process started, finished starting or not. A spec whose beforeAll times out never gets the
 * stack its startStack later returns, so it cannot stop it; stopEveryStack (run after each spec file) does.
 */
const startedStacks = new Set<Promise<Stack>>();

export function startStack(services: ServiceName[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Stack> {
  // A stack that did not come up is tried once more, on fresh ports with fresh processes, rather than a whole spec
  // file failing: a port taken between freePort and the child's listen (another jest worker drew it), or a process
  // that gave up on a JetStream call while the machine was starved. A real start-up bug fails twice.
  const starting = launchStack(services, extraEnv).catch((error: Error) => {
    process.stderr.write(`stack did not start, trying once more: ${String(error?.message).split('\n')[0]}\n`);
    return launchStack(services, extraEnv);
  });
  startedStacks.add(starting);
  return starting;
}

/** Stops every stack still running (a stack's stop is idempotent, so one its spec stopped costs nothing). */
export async function stopEveryStack(): Promise<void> {
  const stacks = [...startedStacks];
  startedStacks.clear();
  await Promise.all(
    stacks.map((starting) =>
      starting.then(
        (stack) => stack.stop(),
        () => undefined,
      ),
    ),
  );
}

async function launchStack(services: ServiceName[], extraEnv: NodeJS.ProcessEnv): Promise<Stack> {
  const prefix = `e2e_${randomUUID().slice(0, 8)}_`;
  const natsPort = await freePort();
  const natsServer = run('nats-server', ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', `/tmp/${prefix}nats`], process.env);
  const running: Record<string, Running> = {};
  const clients: Client[] = [];
  let nc: NatsConnection | undefined;
  let gateway: Running | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopAll());
  const stopAll = async () => {
    await Promise.all([gateway?.stop(), ...Object.values(running).map((r) => r.stop())]);
    await nc?.close();
    await natsServer.stop();
    await rm(`/tmp/${prefix}nats`, { recursive: true, force: true });
    await Promise.all(clients.map((c) => c.end()));
    await dropDatabases(prefix, services);
    const leaks = Object.entries({ ...running, ...(gateway ? { 'api-gateway': gateway } : {}) }).flatMap(([name, p]) =>
      findSecrets(p.output()).map((finding) => `${name}: ${finding}`),
    );
    if (leaks.length) throw new Error(`secrets in the stack's logs:\n${leaks.slice(0, 20).join('\n')}`);
  };
  try {
    const natsUrl = `nats://127.0.0.1:${natsPort}`;
    nc = await eventually(() => connect({ servers: natsUrl }), Boolean);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NATS_URL: natsUrl,
      DATABASE_NAME_PREFIX: prefix,
      LOG_LEVEL: 'debug',
      NATS_REQUEST_TIMEOUT_MS: '3000',
      HEALTH_TIMEOUT_MS: '500',
      // Every spec's requests come from 127.0.0.1, many sign-ins a minute: limits are out of the way unless a
      // spec sets its own (api-management.e2e-spec), and stacks sharing one Redis never share counters.
      RATE_LIMIT_STRICT_LIMIT: '1000000',
      RATE_LIMIT_DEFAULT_LIMIT: '1000000',
      RATE_LIMIT_KEY_PREFIX: `${prefix}rl:`,
      // Usage rows go to analytics; a stack without it would only buffer them and retry.
      USAGE_LOG_ENABLED: services.includes('analytics') ? 'true' : 'false',
      ...extraEnv,
    };
    await migrateAll(env, services);
    for (const service of services) running[service] = startService(service, { ...env, PORT: String(await freePort()) });
    const gatewayPort = await freePort();
    gateway = startService('api-gateway', { ...env, PORT: String(gatewayPort) });
    const base = `http://127.0.0.1:${gatewayPort}`;
    await waitUntilUp(base, services, { ...running, 'api-gateway': gateway });
    return {
      base,
      nc,
      env,
      services: running,
      gateway,
      db: async (service) => {
        const client = new Client({ connectionString: databaseUrlFor(service, env) });
        await client.connect();
        clients.push(client);
        return client;
      },
      stop,
    };
  } catch (error) {
    // Nothing of a stack that did not come up may outlive the spec that asked for it.
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Every service healthy through the gateway; a process that exits meanwhile fails at once, with what it printed. */
async function waitUntilUp(base: string, services: ServiceName[], processes: Record<string, Running>): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    const exited = Object.entries(processes).find(([, p]) => p.child.exitCode !== null || p.child.signalCode !== null);
    if (exited) throw new Error(`${exited[0]} exited while the stack was starting:\n${outputTail(exited[1])}`);
    last = await fetch(`${base}/health`)
      .then(json)
      .catch(() => undefined);
    const health = last as { services?: Record<string, { status?: string }> } | undefined;
    if (services.every((s) => health?.services?.[s]?.status === 'up')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  const down = services.filter((s) => (last as { services?: Record<string, { status?: string }> })?.services?.[s]?.status !== 'up');
  const tails = down.map((s) => `--- ${s}:\n${outputTail(processes[s])}`).join('\n');
  throw new Error(`not up within ${STARTUP_TIMEOUT_MS} ms: ${down.join(', ') || 'api-gateway'}; health: ${JSON.stringify(last)}\n${tails}`);
}

async function dropDatabases(prefix: string, services: ServiceName[]): Promise<void> {
  const admin = new Client({
    connectionString: databaseUrlFor('identity', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
  });
  await admin.connect();
  for (const service of services) await admin.query(`DROP DATABASE IF EXISTS "${prefix}${service.replace(/-/g, '_')}" WITH (FORCE)`);
  await admin.end();
}
