import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_SERVICES, ServiceName } from '../config/services';
import { findRepoRoot } from './local-services';

export interface MigrateResult {
  service: ServiceName;
  database: string;
  /** true when this run created the database */
  created: boolean;
  /** migration folder names applied by this run; empty when the database was up to date */
  applied: string[];
}

/**
 * Creates missing databases and applies the committed migrations, from any process: it runs the
 * migrate CLI (dist/prisma/migrate.js) in a child, because on Node 20 the WASM schema engine loads
 * only under --experimental-wasm-modules, which a running process (or a jest worker) cannot turn
 * on. The caller needs the dist build.
 */
export function migrateAll(
  env: NodeJS.ProcessEnv = process.env,
  services: readonly ServiceName[] = DATABASE_SERVICES,
): Promise<MigrateResult[]> {
  const root = findRepoRoot();
  const script = join(root, 'dist/prisma/migrate.js');
  if (!existsSync(script)) {
    return Promise.reject(new Error(`${script} not found: build first (npm run build)`));
  }
  const args = ['--experimental-wasm-modules', '--disable-warning=ExperimentalWarning', script, '--json', ...services];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as MigrateResult[]);
      else reject(new Error(`migrate failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}
