/**
 * `node --experimental-wasm-modules dist/prisma/migrate.js [--json] [service...]`
 * For every database service (or those named): creates its database if missing, then applies
 * the committed migrations exactly as `prisma migrate deploy` does (recorded in _prisma_migrations).
 *
 * In-process use: `migrateAll()`. It always runs the CLI above in a child process, because
 * - Node 20 loads the engine's `.wasm` ES module only with --experimental-wasm-modules, a flag a
 *   running process cannot turn on (checked on 20.20: ERR_UNKNOWN_FILE_EXTENSION without it);
 * - jest workers rewrite `import()` to `require()` and cannot load the ESM package at all;
 * - the pg patch in engine.ts then stays out of the caller's process.
 * So callers (stack launcher, test harnesses) need the dist build: run the swc build first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrlFor } from '../libs/platform/src/config/database-url';
import { DATABASE_SERVICES, ServiceName } from '../libs/platform/src/config/services';
import { databaseNameOf, ensureDatabase } from './databases';
import { describeError, loadMigrations, NO_FILTERS, parseServices, readSchema, REPO_ROOT, runCli, withEngine } from './engine';

export interface MigrateResult {
  service: ServiceName;
  database: string;
  /** true when this run created the database */
  created: boolean;
  /** migration folder names applied by this run; empty when the database was up to date */
  applied: string[];
}

/** Needs --experimental-wasm-modules in this process; prefer migrateAll from other code. */
export async function migrateService(service: ServiceName, env: NodeJS.ProcessEnv = process.env): Promise<MigrateResult> {
  const url = databaseUrlFor(service, env);
  try {
    const created = await ensureDatabase(url);
    const { appliedMigrationNames } = await withEngine(url, readSchema(service), (engine) =>
      engine.applyMigrations({ migrationsList: loadMigrations(service), filters: NO_FILTERS }),
    );
    return { service, database: databaseNameOf(url), created, applied: appliedMigrationNames };
  } catch (err) {
    throw new Error(`${service}: ${describeError(err)}`);
  }
}

/** Services run concurrently (they are separate databases); every failure is reported. */
export async function migrateInProcess(env: NodeJS.ProcessEnv, services: readonly ServiceName[]): Promise<MigrateResult[]> {
  const settled = await Promise.allSettled(services.map((s) => migrateService(s, env)));
  const failures = settled.flatMap((r) => (r.status === 'rejected' ? [describeError(r.reason)] : []));
  if (failures.length) throw new Error(failures.join('\n'));
  return settled.map((r) => (r as PromiseFulfilledResult<MigrateResult>).value);
}

/** Migrates from any process (see the header): spawns `dist/prisma/migrate.js --json`. */
export function migrateAll(env: NodeJS.ProcessEnv = process.env, services: readonly ServiceName[] = DATABASE_SERVICES): Promise<MigrateResult[]> {
  const script = join(REPO_ROOT, 'dist/prisma/migrate.js');
  if (!existsSync(script)) {
    return Promise.reject(new Error(`${script} not found: build first (npx swc apps libs prisma tools -d dist -q)`));
  }
  const args = ['--experimental-wasm-modules', '--disable-warning=ExperimentalWarning', script, '--json', ...services];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

function describeResult(r: MigrateResult): string {
  const created = r.created ? `created database ${r.database}; ` : '';
  const applied = r.applied.length ? `applied ${r.applied.join(', ')}` : 'up to date';
  return `${r.service}: ${created}${applied} (${r.database})`;
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const results = await migrateInProcess(process.env, parseServices(argv.filter((a) => a !== '--json')));
  console.log(json ? JSON.stringify(results) : results.map(describeResult).join('\n'));
}

if (require.main === module) runCli('migrate failed:\n', () => main(process.argv.slice(2)));
