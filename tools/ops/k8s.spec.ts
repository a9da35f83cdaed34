import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { SERVICE_CATALOG, SERVICE_NAMES } from '@suite/platform/config';
import { DASHBOARDS } from './dashboards';
import { validateManifest } from './k8s-schemas';
import { describeObject, K8sObject, kustomizeBuild } from './kustomize';

const root = join(__dirname, '../..');
const k8s = join(root, 'k8s');

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((e) =>
    statSync(join(dir, e)).isDirectory() ? yamlFiles(join(dir, e)) : /\.ya?ml$/.test(e) ? [join(dir, e)] : [],
  );

/** Runs the real nats-server's configuration check (-t) on a config text; returns its complaint, or null when valid. */
function natsConfigProblem(conf: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'nats-conf-'));
  try {
    writeFileSync(join(dir, 'nats.conf'), conf);
    execFileSync('nats-server', ['-t', '-c', join(dir, 'nats.conf')], { env: { ...process.env, SERVER_NAME: 'nats-0' }, stdio: 'pipe' });
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('nats-server is not installed (apt-get install nats-server)');
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('k8s/ kustomization', () => {
  let objects: K8sObject[];
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as any;

  beforeAll(() => {
    objects = kustomizeBuild(k8s);
  });

  it('renders with kustomize, and every object matches its Kubernetes or Prometheus Operator schema', () => {
    const problems: string[] = [];
    for (const o of objects) {
      try {
        validateManifest(o);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
    expect(objects.every((o) => o.kind === 'Namespace' || o.metadata.namespace === 'suite')).toBe(true);
    expect(new Set(objects.map((o) => o.kind))).toEqual(
      new Set(
        ['Namespace', 'ConfigMap', 'Secret', 'Service', 'StatefulSet', 'Job', 'Deployment'].concat([
          'HorizontalPodAutoscaler',
          'PodDisruptionBudget',
          'ServiceMonitor',
          'PrometheusRule',
        ]),
      ),
    );
  });

  it('lists every manifest and every dashboard of the folder in kustomization.yaml', () => {
    const kustomization = parse(readFileSync(join(k8s, 'kustomization.yaml'), 'utf8'));
    const files = yamlFiles(k8s)
      .map((f) => relative(k8s, f))
      .filter((f) => f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    const dashboards = readdirSync(join(k8s, 'observability/dashboards')).map((f) => `observability/dashboards/${f}`);
    expect([...kustomization.configMapGenerator[0].files].sort()).toEqual(dashboards.sort());
  });

  it.each(SERVICE_NAMES)('runs %s on its catalog port, scaled by an autoscaler and covered by a disruption budget', (service) => {
    const deployment = find('Deployment', service);
    const pod = deployment.spec.template;
    expect(pod.spec.containers[0].ports).toContainEqual({ name: 'http', containerPort: SERVICE_CATALOG[service].httpPort });
    expect(find('Service', service).spec.ports).toContainEqual(
      expect.objectContaining({ name: 'http', port: SERVICE_CATALOG[service].httpPort }),
    );
    const hpa = find('HorizontalPodAutoscaler', service);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: service });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(1);
    expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
    // A replica count in the Deployment would fight the autoscaler on every apply (unless it is pinned to that count).
    if (deployment.spec.replicas !== undefined)
      expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([deployment.spec.replicas, deployment.spec.replicas]);
    // CPU utilisation targets need CPU requests to be computed at all.
    expect(pod.spec.containers[0].resources.requests.cpu).toBeDefined();
    const pdb = find('PodDisruptionBudget', service);
    expect(pod.metadata.labels).toEqual(expect.objectContaining(pdb.spec.selector.matchLabels));
    if (hpa.spec.minReplicas === 1)
      expect(pdb.spec.maxUnavailable).toBe(1); // a lone pod must stay evictable, or drains hang
    else expect(pdb.spec.minAvailable).toBe(1);
  });

  it('scrapes every service: the ServiceMonitor selects each one on its http port at /metrics', () => {
    const monitor = find('ServiceMonitor', 'suite');
    const [endpoint] = monitor.spec.endpoints;
    expect(endpoint).toMatchObject({ port: 'http', path: '/metrics' });
    const selected = objects.filter(
      (o: any) =>
        o.kind === 'Service' &&
        Object.entries(monitor.spec.selector.matchLabels).every(([k, v]) => o.metadata.labels?.[k] === v) &&
        monitor.spec.selector.matchExpressions.every((e: any) => e.operator === 'In' && e.values.includes(o.metadata.labels?.[e.key])),
    );
    expect(selected.map((s) => s.metadata.name).sort()).toEqual([...SERVICE_NAMES].sort());
    for (const s of selected as any[]) expect(s.spec.ports.map((p: any) => p.name)).toContain(endpoint.port);
  });

  it('runs NATS as a three-node JetStream cluster whose configuration nats-server accepts', () => {
    const nats = find('StatefulSet', 'nats');
    expect(nats.spec.replicas).toBe(3);
    const headless = find('Service', nats.spec.serviceName);
    expect(headless.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    const conf: string = find('ConfigMap', 'nats-config').data['nats.conf'];
    expect(conf).toMatch(/jetstream\s*\{/);
    for (let i = 0; i < 3; i++) expect(conf).toContain(`nats://nats-${i}.${headless.metadata.name}:6222`);
    expect(natsConfigProblem(conf)).toBeNull();
    expect(nats.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
    expect(find('PodDisruptionBudget', 'nats').spec.maxUnavailable).toBe(1);
    expect(find('ConfigMap', 'suite-config').data.NATS_URL).toBe(`nats://${find('Service', 'nats').metadata.name}:4222`);
  });

  it('runs PostgreSQL on a persistent volume, and DATABASE_URL names it', () => {
    const postgres = find('StatefulSet', 'postgres');
    expect(postgres.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeDefined();
    const url = new URL(find('Secret', 'suite-database').stringData.DATABASE_URL);
    expect(url.host).toBe(`${find('Service', 'postgres').metadata.name}:5432`);
  });

  it("ships the dashboards in one ConfigMap labelled for Grafana's sidecar", () => {
    const configMap = find('ConfigMap', 'suite-grafana-dashboards');
    expect(configMap.metadata.labels.grafana_dashboard).toBe('1');
    expect(Object.keys(configMap.data).sort()).toEqual(Object.keys(DASHBOARDS).sort());
    for (const [file, json] of Object.entries(DASHBOARDS)) expect(JSON.parse(configMap.data[file])).toEqual(json);
  });

  describe('fails on a broken manifest', () => {
    const deployment = () => structuredClone(find('Deployment', 'orders'));

    it('rejects objects that break their schema, naming the object and the field', () => {
      const noSelector = deployment();
      delete noSelector.spec.selector;
      expect(() => validateManifest(noSelector)).toThrow(/Deployment\/orders .*selector/);
      const textReplicas = {
        ...find('HorizontalPodAutoscaler', 'orders'),
        spec: { ...find('HorizontalPodAutoscaler', 'orders').spec, maxReplicas: 'many' },
      };
      expect(() => validateManifest(textReplicas)).toThrow(/maxReplicas must be integer/);
      const rule = structuredClone(find('PrometheusRule', 'suite'));
      rule.spec.groups[0].rules[0].for = '5 minutes';
      expect(() => validateManifest(rule)).toThrow(/PrometheusRule\/suite .*for must match pattern/);
      const monitor = structuredClone(find('ServiceMonitor', 'suite'));
      monitor.spec.endpoints[0].interval = 'often';
      expect(() => validateManifest(monitor)).toThrow(/interval/);
      expect(() => validateManifest({ ...deployment(), apiVersion: 'extensions/v1beta1' })).toThrow(/no schema for extensions\/v1beta1/);
      expect(describeObject(deployment())).toBe('Deployment/orders');
    });

    it('fails to render a kustomization that lists a missing file, and refuses a broken NATS configuration', () => {
      const dir = mkdtempSync(join(tmpdir(), 'kustomize-'));
      try {
        writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - deployment.yaml\n');
        expect(() => kustomizeBuild(dir)).toThrow(/kustomize build .* failed: .*deployment\.yaml/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(natsConfigProblem('jetstream {\n  store_dir: /data\ncluster { port: 6222 routes: [ nats://a:6222 }\n')).toMatch(/error/i);
    });
  });
});
