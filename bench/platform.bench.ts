import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { ApiGatewaySubjects } from '@suite/contracts/api-gateway';
import { databaseUrlFor, NatsClient, NatsConnectionService } from '@suite/platform';
import { eventually, freePort, startStack } from '@suite/platform/testing';
import { BenchChild, forkChild } from './lib/child';
import { cpuRow, measureLoads } from './lib/load';
import { LoadOptions, measure, ratio } from './lib/measure';
import { CpuProbe, loadAverage, natsServerPids } from './lib/proc-cpu';

const script = (name: string) => join(__dirname, 'lib', `${name}.js`);
/** pg Pool size of the raw baselines. */
const POOL_MAX = 10;

/** A raw v3 responder in its own process, as the baseline for a Nest @MessagePattern handler. */
const RAW_RESPONDER = `
const { connect } = require('@nats-io/transport-node');
connect({ servers: process.env.NATS_URL }).then(async (nc) => {
  const sub = nc.subscribe('bench.raw.echo', { queue: 'bench' });
  process.send?.('ready');
  for await (const m of sub) m.respond(JSON.stringify({ response: { status: 'up' }, isDisposed: true, id: JSON.parse(m.string()).id }));
});`;

/**
 * The platform's overhead against raw baselines measured in the same run:
 * - NATS request/reply: NatsClient -> NestJS handler (api-gateway.health.check) vs raw nc.request -> raw responder;
 * - the whole edge: HTTP -> gateway -> NATS -> analytics -> PostgreSQL vs a bare Fastify + pg Pool server in its own
 *   process answering the same SQL, and vs the same query straight on pg.
 * HTTP and SQL load comes from a separate process (undici / pg Pool), warmed up until it stops rising; each row
 * carries the CPU ms per request of every process on the path (from /proc/<pid>/stat).
 * - the same read with a bearer token (JWT check + the gateway's session cache) vs the same raw server.
 * Targets (issue 12): the edge >= x0.4 of raw Fastify + pg, p99 < 25 ms at 32 in flight; authenticated >= x0.35.
 */
/** A new account's access token, through the gateway as a client would get it. */
async function signedInToken(base: string): Promise<string> {
  const credentials = { email: `bench-${Date.now()}@example.com`, password: 'Shiitake#Grow42' };
  const post = (path: string) =>
    fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  await post('/auth/register');
  const login = await eventually(
    () => post('/auth/login'),
    (r) => r.status === 200,
  );
  return ((await login.json()) as { accessToken: string }).accessToken;
}

export async function platformBench(load: LoadOptions): Promise<string[]> {
  const rows: string[] = [`load average before: ${loadAverage()}`];
  const stack = await startStack(['analytics', 'identity'], { LOG_LEVEL: 'warn' });
  const responder = spawn(process.execPath, ['-e', RAW_RESPONDER], { env: stack.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const db = await stack.db('analytics');
  await db.query(
    `INSERT INTO system_config (id, key, value, is_public, category, updated_at) VALUES (gen_random_uuid(), 'site.currency', '"PHP"', true, 'site', now())`,
  );
  const url = databaseUrlFor('analytics', stack.env);
  const sql = 'SELECT key, value, description, category FROM system_config WHERE is_public = true ORDER BY key';
  const connection = new NatsConnectionService(stack.env.NATS_URL!, 'bench');
  const client = new NatsClient(connection, 5000);
  const raw = await connect({ servers: stack.env.NATS_URL });
  const children: BenchChild[] = [];
  try {
    const bearer = await signedInToken(stack.base);
    await eventually(() => raw.request('bench.raw.echo', JSON.stringify({ id: 'x' }), { timeout: 500 }), Boolean);
    const rawNats = await measure(
      'raw NATS request/reply',
      () => raw.request('bench.raw.echo', JSON.stringify({ id: '1', pattern: 'x', data: {} }), { timeout: 5000 }),
      load,
    );
    const platformNats = await measure('NatsClient -> NestJS handler', () => client.request(ApiGatewaySubjects.HealthCheck, {}), load);
    rows.push(ratio(platformNats, rawNats));

    const loader = await forkChild(script('load-child'), [], stack.env);
    children.push(loader);
    const rawPort = await freePort();
    const rawServer = await forkChild(script('raw-http-server'), [String(rawPort), url, sql, String(POOL_MAX)], stack.env);
    children.push(rawServer);
    const pg: CpuProbe = {
      name: 'pg backends',
      pids: async () =>
        (await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rows.map((r) =>
          Number(r.pid),
        ),
    };
    const [rawPg, rawHttp, edge, authed] = await measureLoads(
      loader,
      [
        { name: 'raw pg query', job: { kind: 'pg', connectionString: url, poolMax: POOL_MAX, sql }, probes: [pg] },
        {
          name: 'raw Fastify + pg Pool (own process)',
          job: { kind: 'http', origin: `http://127.0.0.1:${rawPort}`, path: '/' },
          probes: [{ name: 'fastify', pids: () => [rawServer.child.pid!] }, pg],
        },
        {
          name: 'HTTP -> gateway -> NATS -> analytics -> pg',
          job: { kind: 'http', origin: stack.base, path: '/api/v1/system-config/public' },
          probes: [
            { name: 'gateway', pids: () => [stack.gateway.child.pid!] },
            { name: 'analytics', pids: () => [stack.services.analytics.child.pid!] },
            { name: 'nats-server', pids: () => natsServerPids(stack.env.NATS_URL!) },
            pg,
          ],
        },
        {
          // The same read with a bearer token: the gateway verifies it and takes the session from its cache.
          name: 'the same read, authenticated (Bearer)',
          job: { kind: 'http', origin: stack.base, path: '/api/v1/system-config/public', headers: { authorization: `Bearer ${bearer}` } },
          probes: [
            { name: 'gateway', pids: () => [stack.gateway.child.pid!] },
            { name: 'analytics', pids: () => [stack.services.analytics.child.pid!] },
            { name: 'identity', pids: () => [stack.services.identity.child.pid!] },
            { name: 'nats-server', pids: () => natsServerPids(stack.env.NATS_URL!) },
            pg,
          ],
        },
      ],
      load,
    );
    rows.push(ratio(rawPg, rawPg).split(' | ')[0], cpuRow(rawPg));
    rows.push(ratio(rawHttp, rawPg), cpuRow(rawHttp));
    rows.push(ratio(edge, rawHttp), cpuRow(edge));
    rows.push(ratio(edge, rawPg));
    rows.push(ratio(authed, rawHttp), cpuRow(authed));
    const x = edge.opsPerSecond / rawHttp.opsPerSecond;
    const xa = authed.opsPerSecond / rawHttp.opsPerSecond;
    rows.push(
      `targets: edge vs raw Fastify + pg x${x.toFixed(2)} (>= x0.4: ${x >= 0.4 ? 'met' : 'NOT met'}), edge p99 ${edge.p99Ms.toFixed(1)} ms at ${load.concurrency} in flight (< 25 ms: ${edge.p99Ms < 25 ? 'met' : 'NOT met'})`,
    );
    rows.push(`targets: authenticated read vs raw Fastify + pg x${xa.toFixed(2)} (>= x0.35: ${xa >= 0.35 ? 'met' : 'NOT met'})`);
    rows.push(`load average after: ${loadAverage()}`);
    return rows;
  } finally {
    for (const child of children) await child.stop();
    await raw.close();
    await connection.onApplicationShutdown();
    responder.kill();
    await stack.stop();
  }
}
