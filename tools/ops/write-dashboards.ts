import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@suite/platform/infra';
import { DASHBOARDS } from './dashboards';

/** `npm run dashboards`: writes the dashboards built in dashboards.ts to the folder both Kubernetes and compose load. */
const dir = join(findRepoRoot(), 'k8s/observability/dashboards');
mkdirSync(dir, { recursive: true });
for (const [file, json] of Object.entries(DASHBOARDS)) writeFileSync(join(dir, file), `${JSON.stringify(json, null, 2)}\n`);
console.log(`wrote ${Object.keys(DASHBOARDS).length} dashboards to ${dir}`);
