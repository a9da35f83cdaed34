import { join } from 'node:path';
import { eventually, freePort, Running, startService, startStack } from '@suite/platform/testing';
import { BenchChild, forkChild } from './lib/child';
import { cpuRow, measureLoads } from './lib/load';
import { LoadOptions, ratio } from './lib/measure';
import { loadAverage, natsServerPids } from './lib/proc-cpu';

const script = (name: string) => join(__dirname, 'lib', `${name}.js`);

/** Limits no bench client reaches: every request is counted (and logged), none refused, so both runs do the same work. */
const ON = {
  RATE_LIMIT_ENABLED: 'true',
  USAGE_LOG_ENABLED: 'true',
  RATE_LIMIT_DEFAULT_LIMIT: '1000000000',
  RATE_LIMIT_STRICT_LIMIT: '1000000000',
};
const OFF = { RATE_LIMIT_ENABLED: 'false', USAGE_LOG_ENABLED: 'false' };

/**
 * The gateway's throughput with rate limiting and usage logging on against off, in the same run against
 * the same analytics: the same anonymous read (HTTP -> gateway -> NATS -> analytics -> pg) through three
 * gateway processes: both off; both on with the limiter's counters in Redis (REDIS_URL, every request one
 * EVALSHA) and the usage rows batched to analytics (which inserts them, on the same machine); both on with
 * in-process counters. Target (issue 17): on >= x0.95 of off.
 */
export async function apiUsageBench(load: LoadOptions): Promise<string[]> {
  const rows: string[] = [`load average before: ${loadAverage()}`];
  const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const stack = await startStack(['analytics'], { LOG_LEVEL: 'warn', ...ON, REDIS_URL: redis });
  const extra: Running[] = [];
  const children: BenchChild[] = [];
  try {
    const ports = [await freePort(), await freePort()];
    const { REDIS_URL: _redis, ...withoutRedis } = stack.env;
    extra.push(startService('api-gateway', { ...withoutRedis, ...OFF, PORT: String(ports[0]) }));
    extra.push(startService('api-gateway', { ...withoutRedis, ...ON, PORT: String(ports[1]) }));
    const [off, memory] = ports.map((p) => `http://127.0.0.1:${p}`);
    for (const base of [off, memory])
      await eventually(
        () => fetch(`${base}/health/live`).then((r) => r.status),
        (s) => s === 200,
        60000,
      );
    const loader = await forkChild(script('load-child'), [], stack.env);
    children.push(loader);
    const path = '/api/v1/system-config/public';
    const probes = (gateway: Running) => [
      { name: 'gateway', pids: () => [gateway.child.pid!] },
      { name: 'analytics', pids: () => [stack.services.analytics.child.pid!] },
      { name: 'nats-server', pids: () => natsServerPids(stack.env.NATS_URL!) },
    ];
    const [plain, withRedis, withMemory] = await measureLoads(
      loader,
      [
        { name: 'gateway, limits and usage log off', job: { kind: 'http', origin: off, path }, probes: probes(extra[0]) },
        { name: 'gateway, on (Redis counters)', job: { kind: 'http', origin: stack.base, path }, probes: probes(stack.gateway) },
        { name: 'gateway, on (in-process counters)', job: { kind: 'http', origin: memory, path }, probes: probes(extra[1]) },
      ],
      load,
    );
    rows.push(ratio(plain, plain).split(' | ')[0], cpuRow(plain));
    rows.push(ratio(withRedis, plain), cpuRow(withRedis));
    rows.push(ratio(withMemory, plain), cpuRow(withMemory));
    const db = await stack.db('analytics');
    const { rows: stored } = await eventually(
      () => db.query(`SELECT count(*)::int AS n FROM api_usage_logs`),
      (r) => r.rows[0].n > 0,
    );
    rows.push(`usage rows stored by analytics during the run: ${stored[0].n}`);
    const x = withRedis.opsPerSecond / plain.opsPerSecond;
    const xm = withMemory.opsPerSecond / plain.opsPerSecond;
    rows.push(
      `targets: on vs off x${x.toFixed(2)} with Redis, x${xm.toFixed(2)} in process (>= x0.95: ${x >= 0.95 ? 'met' : 'NOT met'} with Redis, ${xm >= 0.95 ? 'met' : 'NOT met'} in process)`,
    );
    rows.push(`load average after: ${loadAverage()}`);
    return rows;
  } finally {
    for (const child of children) await child.stop();
    await Promise.all(extra.map((r) => r.stop()));
    await stack.stop();
  }
}
