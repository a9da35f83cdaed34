/**
 * `node --experimental-wasm-modules dist/prisma/migration.js <service> <name>`
 * Writes libs/db/<service>/prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql with the
 * SQL that takes a database from the committed migrations to the current schema (what
 * `prisma migrate dev --create-only` does). The engine replays the migrations on its own
 * connection, so it is pointed at a scratch database that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { databaseUrlFor } from '@suite/platform/config';
import type { ServiceName } from '@suite/platform/config';
import { databaseNameOf, dropDatabase, ensureDatabase, withDatabase } from './databases';
import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  loadMigrations,
  migrationsDirFor,
  NO_FILTERS,
  parseServices,
  readSchema,
  REPO_ROOT,
  runCli,
  UsageError,
  withEngine,
} from './engine';

/** `yyyymmddHHMMSS` in UTC, the prefix the Prisma CLI uses so folders sort in creation order. */
export function migrationTimestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function snakeName(name: string): string {
  const snake = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!snake) throw new UsageError(`migration name "${name}" has no letters or digits`);
  return snake;
}

/** The SQL of the next migration, or null when the schema matches the committed migrations. */
export async function diffSql(service: ServiceName, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const serviceUrl = databaseUrlFor(service, env);
  const scratch = withDatabase(serviceUrl, `${databaseNameOf(serviceUrl)}_scratch_${randomBytes(4).toString('hex')}`);
  const schemaText = readSchema(service);
  const migrationsList = loadMigrations(service);
  await ensureDatabase(scratch);
  try {
    const result = await withEngine(scratch, schemaText, (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schemaText }] },
        script: true,
        exitCode: true, // 0: no difference, 2: there is one
        filters: NO_FILTERS,
      }),
    );
    return result.exitCode === 0 ? null : (result.stdout ?? '');
  } finally {
    await dropDatabase(scratch);
  }
}

/** Creates the migration folder; returns its path, or null when there was nothing to write. */
export async function createMigration(service: ServiceName, name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const folder = `${migrationTimestamp()}_${snakeName(name)}`;
  const sql = await diffSql(service, env);
  if (sql === null) return null;
  const baseDir = migrationsDirFor(service);
  const dir = join(baseDir, folder);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql.endsWith('\n') ? sql : sql + '\n');
  const lock = join(baseDir, LOCKFILE_NAME);
  if (!existsSync(lock)) writeFileSync(lock, LOCKFILE_CONTENT);
  return dir;
}

async function main(args: string[]): Promise<void> {
  if (args.length !== 2) throw new UsageError('usage: migration <service> <name>   e.g. migration orders add_cart');
  const [service] = parseServices([args[0]]);
  const dir = await createMigration(service, args[1]);
  console.log(dir ? `${service}: wrote ${relative(REPO_ROOT, dir)}/migration.sql` : `${service}: no changes`);
}

if (require.main === module) runCli(`${process.argv[2]}: migration failed: `, () => main(process.argv.slice(2)));
