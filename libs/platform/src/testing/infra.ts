/**
 * The servers integration specs talk to. Containers when a Docker engine answers (isolated,
 * disposable); otherwise the environment's URLs or the machine's own services. Never a skip:
 * when nothing can be had, the error says why.
 */
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { ensureInfrastructure, type Infrastructure } from '../infra/local-services';

export type TestInfrastructure = Omit<Infrastructure, 'sources'> & { source: 'containers' | 'local' };

type Log = (line: string) => void;
const defaultLog: Log = (line) => console.log(`[test-infra] ${line}`);

function dockerSocketCandidates(): string[] {
  const runtimeDir = process.env.XDG_RUNTIME_DIR;
  return [
    '/var/run/docker.sock',
    ...(runtimeDir ? [join(runtimeDir, 'docker.sock')] : []),
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
  ];
}

function pings(socketPath: string, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * A cheap look before loading testcontainers: its own discovery is slow to fail and loading it
 * at all can throw (v12 needs Node >= 22.19). DOCKER_HOST (tcp, TLS...) is left to testcontainers.
 */
async function dockerEngineAnswers(): Promise<boolean> {
  if (process.env.DOCKER_HOST) return true;
  for (const socket of dockerSocketCandidates()) {
    if (existsSync(socket) && (await pings(socket))) return true;
  }
  return false;
}

async function startContainers(log: Log): Promise<TestInfrastructure> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  await getContainerRuntimeClient();
  const started: StartedTestContainer[] = [];
  const stop = async () => {
    await Promise.all(started.splice(0).map((c) => c.stop().catch(() => undefined)));
  };
  try {
    const results = await Promise.allSettled([
      new GenericContainer('postgres:16-alpine')
        .withEnvironment({ POSTGRES_PASSWORD: 'postgres' })
        .withExposedPorts(5432)
        // The image restarts the server once after initdb; the second "ready" is the real one.
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
        .start(),
      new GenericContainer('nats:2').withCommand(['-js']).withExposedPorts(4222).withWaitStrategy(Wait.forListeningPorts()).start(),
      new GenericContainer('eclipse-mosquitto:2')
        .withCommand(['mosquitto', '-c', '/mosquitto-no-auth.conf'])
        .withExposedPorts(1883)
        .withWaitStrategy(Wait.forListeningPorts())
        .start(),
    ]);
    // Settle all first, so one failed start does not leave the others running.
    for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [pg, nats, mqtt] = started;
    const host = (c: StartedTestContainer, port: number) => `${c.getHost()}:${c.getMappedPort(port)}`;
    log(`containers: postgres ${host(pg, 5432)}, nats ${host(nats, 4222)}, mqtt ${host(mqtt, 1883)}`);
    return {
      databaseUrl: `postgresql://postgres:postgres@${host(pg, 5432)}/postgres`,
      natsUrl: `nats://${host(nats, 4222)}`,
      mqttUrl: `mqtt://${host(mqtt, 1883)}`,
      source: 'containers',
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export async function getTestInfrastructure(log: Log = defaultLog): Promise<TestInfrastructure> {
  // URLs given explicitly (CI, a developer's own servers) win over starting containers.
  const explicit = !!(process.env.DATABASE_URL || process.env.NATS_URL);
  let containerFailure = '';
  if (!explicit && (await dockerEngineAnswers())) {
    try {
      return await startContainers(log);
    } catch (err) {
      containerFailure = `Docker engine found but containers could not be started: ${(err as Error).message}`;
      log(`${containerFailure}; falling back to local services`);
    }
  }
  try {
    const infra = await ensureInfrastructure(process.env, { allowEmbedded: false, log });
    return { databaseUrl: infra.databaseUrl, natsUrl: infra.natsUrl, mqttUrl: infra.mqttUrl, source: 'local', stop: infra.stop };
  } catch (err) {
    const reasons = [containerFailure, (err as Error).message].filter(Boolean).join('\n');
    throw new Error(`No test infrastructure (integration tests need PostgreSQL and NATS):\n${reasons}`);
  }
}
