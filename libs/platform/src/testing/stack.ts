import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { databaseUrlFor } from '../config/database-url';
import { ServiceName } from '../config/services';
import { migrateAll } from '../infra/migrations';
import { eventually, freePort, run, Running, startService } from './processes';

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
export async function startStack(services: ServiceName[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Stack> {
  const prefix = `e2e_${randomUUID().slice(0, 8)}_`;
  const natsPort = await freePort();
  const natsServer = run('nats-server', ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', `/tmp/${prefix}nats`], process.env);
  const natsUrl = `nats://127.0.0.1:${natsPort}`;
  const nc = await eventually(() => connect({ servers: natsUrl }), Boolean);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NATS_URL: natsUrl,
    DATABASE_NAME_PREFIX: prefix,
    LOG_LEVEL: 'debug',
    NATS_REQUEST_TIMEOUT_MS: '3000',
    HEALTH_TIMEOUT_MS: '500',
    ...extraEnv,
  };
  await migrateAll(env, services);
  const running: Record<string, Running> = {};
  for (const service of services) running[service] = startService(service, { ...env, PORT: String(await freePort()) });
  const gatewayPort = await freePort();
  const gateway = startService('api-gateway', { ...env, PORT: String(gatewayPort) });
  const base = `http://127.0.0.1:${gatewayPort}`;
  await eventually(
    () => fetch(`${base}/health`).then(json),
    (h) => services.every((s) => h.services?.[s]?.status === 'up'),
    30000,
  );
  const clients: Client[] = [];
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
    stop: async () => {
      await Promise.all([gateway.stop(), ...Object.values(running).map((r) => r.stop())]);
      await nc.close();
      await natsServer.stop();
      await Promise.all(clients.map((c) => c.end()));
      const admin = new Client({
        connectionString: databaseUrlFor('identity', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
      });
      await admin.connect();
      for (const service of services) await admin.query(`DROP DATABASE IF EXISTS "${prefix}${service.replace(/-/g, '_')}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
