import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * PromQL checked with Prometheus' own grammar (@prometheus-io/lezer-promql, the parser of Prometheus' web UI): a
 * syntax error throws, and the metric names an expression selects are returned so they can be compared with the ones
 * the code registers.
 */
export function metricsOf(expr: string): string[] {
  const tree = parser.parse(expr);
  const names = new Set<string>();
  let error: number | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError && error === undefined) error = node.from;
      // A metric name is the Identifier directly under a VectorSelector (label names are LabelName nodes).
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.add(expr.slice(node.from, node.to));
    },
  });
  if (error !== undefined) throw new Error(`PromQL syntax error at ${error}: ${expr.slice(Math.max(0, error - 30), error + 30)}`);
  return [...names];
}

/** Grafana's template variables replaced by what Grafana would send, so the query parses as PromQL. */
export function grafanaToPromql(expr: string): string {
  return expr.replace(/\$__(rate_interval|interval|range)\b/g, '5m').replace(/\$\{?(\w+)\}?/g, (_m, name: string) => `__var_${name}__`);
}

const SERIES_SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

/**
 * Every series name the services can expose: the metrics declared with prom-client (`new Counter({ name: '...' })`
 * and the like) in apps/ and libs/, with a histogram's _bucket/_sum/_count, prom-client's default metrics, and `up`,
 * which Prometheus adds for every target.
 */
export async function registeredMetricNames(repoRoot: string): Promise<Set<string>> {
  const names = new Set<string>(['up']);
  const declaration = /new (Counter|Gauge|Histogram|Summary)\(\{\s*name:\s*'([a-zA-Z_:][a-zA-Z0-9_:]*)'/g;
  for (const file of sourceFiles(join(repoRoot, 'apps')).concat(sourceFiles(join(repoRoot, 'libs')))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes("from 'prom-client'")) continue;
    for (const [, type, name] of text.matchAll(declaration))
      for (const suffix of SERIES_SUFFIXES[type.toLowerCase()] ?? ['']) names.add(name + suffix);
  }
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  for (const metric of await defaults.getMetricsAsJSON())
    for (const suffix of SERIES_SUFFIXES[String(metric.type)] ?? ['']) names.add(metric.name + suffix);
  return names;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'generated') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(path)) out.push(path);
  }
  return out;
}
