/**
 * `node --experimental-wasm-modules dist/prisma/migrate.js [--json] [service...]`
 * For every database service (or those named): creates its database if missing, then applies
 * the committed migrations exactly as `prisma migrate deploy` does (recorded in _prisma_migrations).
 *
 * Other processes (launcher, tests) run it through `migrateAll` in @suite/platform/infra, which
 * explains why it must be a child process.
 */
import { databaseUrlFor, ServiceName } from '@suite/platform/config';
import type { MigrateResult } from '@suite/platform/infra';
import { databaseNameOf, ensureDatabase } from './databases';
import { describeError, loadMigrations, NO_FILTERS, parseServices, readSchema, runCli, withEngine } from './engine';

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
