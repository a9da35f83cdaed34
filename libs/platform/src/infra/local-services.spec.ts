import { createServer, Server } from 'node:net';
import { ensureInfrastructure } from './local-services';
import { findFreePort, isTcpOpen, waitFor } from './probe';

// Real sockets throughout: a listening TCP server is all "answers" means to the probes.
const servers: Server[] = [];
async function listening(): Promise<number> {
  const server = createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}
const quiet = { log: () => undefined };

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('ensureInfrastructure', () => {
  it('uses the URLs from the environment as given', async () => {
    const [pg, nats, mqtt] = await Promise.all([listening(), listening(), listening()]);
    const env = {
      DATABASE_URL: `postgresql://app:secret@127.0.0.1:${pg}/somewhere?schema=x`,
      NATS_URL: `nats://127.0.0.1:${nats}`,
      MQTT_URL: `mqtt://127.0.0.1:${mqtt}`,
    };
    const infra = await ensureInfrastructure(env, quiet);
    expect(infra).toMatchObject({ databaseUrl: env.DATABASE_URL, natsUrl: env.NATS_URL, mqttUrl: env.MQTT_URL });
    expect(infra.sources).toEqual({ postgres: 'env', nats: 'env', mqtt: 'env' });
    await infra.stop();
  });

  it('accepts a NATS server list when one of its servers answers', async () => {
    const [pg, nats, mqtt, dead] = await Promise.all([listening(), listening(), listening(), findFreePort()]);
    const natsUrl = `nats://127.0.0.1:${dead},127.0.0.1:${nats}`;
    const env = { DATABASE_URL: `postgresql://127.0.0.1:${pg}/x`, NATS_URL: natsUrl, MQTT_URL: `mqtt://127.0.0.1:${mqtt}` };
    await expect(ensureInfrastructure(env, quiet)).resolves.toMatchObject({ natsUrl });
  });

  it('fails naming the variable when an env URL does not answer, without printing its password', async () => {
    const dead = await findFreePort();
    const [nats, mqtt] = await Promise.all([listening(), listening()]);
    const env = {
      DATABASE_URL: `postgresql://app:hunter2@127.0.0.1:${dead}/db`,
      NATS_URL: `nats://127.0.0.1:${nats}`,
      MQTT_URL: `mqtt://127.0.0.1:${mqtt}`,
    };
    const failure = ensureInfrastructure(env, quiet);
    await expect(failure).rejects.toThrow(/^DATABASE_URL is set to postgresql:\/\/app:\*\*\*@127\.0\.0\.1:\d+\/db but nothing answers/);
    await expect(failure).rejects.not.toThrow(/hunter2/);

    const natsDown = { ...env, DATABASE_URL: `postgresql://127.0.0.1:${nats}/db`, NATS_URL: `nats://127.0.0.1:${dead}` };
    await expect(ensureInfrastructure(natsDown, quiet)).rejects.toThrow(/NATS_URL is set/);
  });

  it('returns the local PostgreSQL on the default port when DATABASE_URL is unset', async () => {
    // The development machines and CI run PostgreSQL on 5432; without it this must fail, not skip.
    expect(await isTcpOpen('127.0.0.1', 5432, 1000)).toBe(true);
    const [nats, mqtt] = await Promise.all([listening(), listening()]);
    const infra = await ensureInfrastructure({ NATS_URL: `nats://127.0.0.1:${nats}`, MQTT_URL: `mqtt://127.0.0.1:${mqtt}` }, quiet);
    expect(infra.sources.postgres).toBe('local');
    expect(infra.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/postgres');
    await infra.stop();
  });

  it('finds local services on the ports it is told to look at', async () => {
    const [pg, nats, mqtt] = await Promise.all([listening(), listening(), listening()]);
    const infra = await ensureInfrastructure({}, { ...quiet, local: { postgresPort: pg, natsPort: nats, mqttPort: mqtt } });
    expect(infra.sources).toEqual({ postgres: 'local', nats: 'local', mqtt: 'local' });
    expect(infra.natsUrl).toBe(`nats://127.0.0.1:${nats}`);
  });
});

describe('waitFor', () => {
  it('names what it waited for and quotes the last error', async () => {
    const attempt = waitFor(
      () => {
        throw new Error('connection refused');
      },
      { timeoutMs: 50, intervalMs: 10, what: 'the widget server' },
    );
    await expect(attempt).rejects.toThrow('waiting for the widget server (last error: connection refused)');
  });

  it('returns the first truthy value', async () => {
    let calls = 0;
    await expect(waitFor(() => ++calls >= 3 && calls, { timeoutMs: 1000, intervalMs: 1, what: 'x' })).resolves.toBe(3);
  });
});
