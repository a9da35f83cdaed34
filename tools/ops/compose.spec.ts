import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { SERVICE_CATALOG, SERVICE_NAMES } from '@suite/platform/config';
import { readCompose, validateCompose } from './compose';

const docker = join(__dirname, '../../docker');
const read = (file: string) => readFileSync(join(docker, file), 'utf8');

describe('docker/compose.yml', () => {
  const compose = readCompose(read('compose.yml')) as any;
  const services = compose.services as Record<string, any>;

  it('is a valid Compose file (the Compose Specification schema)', () => {
    expect(() => validateCompose(compose)).not.toThrow();
  });

  it('brings up the infrastructure: PostgreSQL, NATS with JetStream, Mosquitto, Redis, Mailpit, Prometheus, Grafana', () => {
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.nats.command).toContain('-js');
    expect(services.mosquitto.image).toMatch(/^eclipse-mosquitto:/);
    expect(services.redis.image).toMatch(/^redis:/);
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit:/);
    expect(services.prometheus.image).toMatch(/^prom\/prometheus:/);
    expect(services.grafana.image).toMatch(/^grafana\/grafana:/);
    for (const name of ['postgres', 'nats', 'mosquitto', 'redis', 'mailpit', 'prometheus', 'grafana'])
      expect(services[name].healthcheck.test).toBeDefined();
  });

  it.each(SERVICE_NAMES)('builds and starts %s from docker/Dockerfile after the migrations, with its infrastructure', (name) => {
    const service = services[name];
    expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile', args: { SERVICE: name } });
    expect(service.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      nats: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    expect(service.environment).toMatchObject({ NATS_URL: 'nats://nats:4222', SMTP_URL: 'smtp://mailpit:1025' });
  });

  it('runs the migrations once, from a service image, before any service', () => {
    expect(services.migrate.command).toEqual(['node', '--experimental-wasm-modules', 'dist/prisma/migrate.js']);
    expect(services.migrate.restart).toBe('no');
    expect(services['api-gateway'].environment.REDIS_URL).toBe('redis://redis:6379');
  });

  it('scrapes every service on its catalog port with the rules loaded, as jobs named after the services', () => {
    const prometheus = parse(read('prometheus/prometheus.yml'));
    expect(prometheus.scrape_configs.map((c: any) => [c.job_name, c.metrics_path, c.static_configs[0].targets])).toEqual(
      SERVICE_NAMES.map((s) => [s, '/metrics', [`${s}:${SERVICE_CATALOG[s].httpPort}`]]),
    );
    expect(services.prometheus.volumes).toContain('./prometheus:/etc/prometheus:ro');
    expect(prometheus.rule_files).toEqual(['/etc/prometheus/alerts.yml']);
  });

  it('provisions Grafana with the Prometheus datasource and the dashboards of k8s/observability/dashboards', () => {
    const mount = (services.grafana.volumes as string[]).find((v) => v.startsWith('../k8s/observability/dashboards:'));
    const provider = parse(read('grafana/provisioning/dashboards/suite.yml')).providers[0];
    expect(mount?.split(':')[1]).toBe(provider.options.path);
    const [datasource] = parse(read('grafana/provisioning/datasources/prometheus.yml')).datasources;
    expect(datasource).toMatchObject({ type: 'prometheus', uid: 'prometheus', url: 'http://prometheus:9090' });
  });

  it('mounts only files and folders that exist in the repository', () => {
    const binds = Object.values(services)
      .flatMap((s: any) => (s.volumes ?? []) as string[])
      .map((v) => v.split(':')[0])
      .filter((source) => source.startsWith('.'));
    expect(binds.length).toBeGreaterThan(3);
    for (const source of binds) expect([source, existsSync(resolve(docker, source))]).toEqual([source, true]);
  });

  it('fails on a broken compose file, naming the path', () => {
    const broken = structuredClone(compose);
    broken.services.orders.depends_on.migrate.condition = 'service_finished';
    broken.services.catalog.imagee = 'suite/catalog:latest';
    expect(() => validateCompose(broken)).toThrow(
      /\/services\/orders\/depends_on\/migrate\/condition must be equal to one of the allowed values/,
    );
    expect(() => validateCompose(broken)).toThrow(/\/services\/catalog must NOT have additional properties/);
    expect(() => validateCompose(readCompose('services:\n  web:\n    ports: 3000\n'))).toThrow(/\/services\/web\/ports/);
  });
});
