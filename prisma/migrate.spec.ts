/**
 * Against the real local PostgreSQL (DATABASE_URL, else 127.0.0.1:5432). Every database made here
 * has a unique `test_tooling_<random>_` prefix and is dropped afterwards; `suite_*` is never used.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';
import { databaseUrlFor, DEFAULT_DATABASE_SERVER_URL } from '@suite/platform/config';
import { DATABASE_SERVICES, ServiceName } from '@suite/platform/config';
import { dropDatabase, withDatabase } from './databases';
import { migrationsDirFor } from './engine';
import { migrateAll } from '@suite/platform/infra';
import { seedAll } from './seed';
import { SYSTEM_CONFIG } from './seeds/analytics';

const server = process.env.DATABASE_URL || DEFAULT_DATABASE_SERVER_URL;
const prefix = `test_tooling_${randomBytes(4).toString('hex')}_`;
// Only our prefix decides the database names: per-service overrides would point elsewhere.
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.endsWith('_DATABASE_URL')));
Object.assign(env, { DATABASE_URL: server, DATABASE_NAME_PREFIX: prefix });

async function query<T extends object>(service: ServiceName | 'postgres', sql: string, params: unknown[] = []): Promise<T[]> {
  const url = service === 'postgres' ? withDatabase(server, 'postgres') : databaseUrlFor(service, env);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const ourDatabases = async () =>
  (await query<{ datname: string }>('postgres', 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])).map(
    (r) => r.datname,
  );

/** Every committed migration folder of a service, oldest first (their names start with a UTC timestamp). */
const migrationsOf = (s: ServiceName) =>
  readdirSync(migrationsDirFor(s))
    .filter((d) => /^\d{14}_/.test(d))
    .sort();

afterAll(async () => {
  for (const name of await ourDatabases()) await dropDatabase(withDatabase(server, name));
});

describe('migrateAll', () => {
  it('creates the missing databases and applies every committed migration', async () => {
    expect(await ourDatabases()).toEqual([]);

    const results = await migrateAll(env);

    expect(results.map((r) => r.service)).toEqual(DATABASE_SERVICES);
    for (const r of results) {
      expect(r).toEqual({
        service: r.service,
        database: prefix + r.service.replace(/-/g, '_'),
        created: true,
        applied: migrationsOf(r.service),
      });
      const tables = await query<{ tablename: string }>(
        r.service,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
      );
      expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(['_prisma_migrations', 'outbox_event', 'processed_event']));
      const recorded = await query<{ migration_name: string }>(
        r.service,
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
      );
      expect(recorded.map((m) => m.migration_name)).toEqual(migrationsOf(r.service));
    }
    const analytics = await query<{ tablename: string }>('analytics', "SELECT tablename FROM pg_tables WHERE tablename = 'system_config'");
    expect(analytics).toHaveLength(1);
  });

  it('applies nothing on a second run', async () => {
    const results = await migrateAll(env);

    expect(results.every((r) => !r.created && r.applied.length === 0)).toBe(true);
    expect(await query('identity', 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: migrationsOf('identity').length }]);
  });

  it('rejects an unknown service with the list of services', async () => {
    await expect(migrateAll(env, ['nope' as ServiceName])).rejects.toThrow(/unknown database service: nope \(services: identity catalog/);
  });
});

describe('seedAll', () => {
  it('can run twice and leaves the same rows', async () => {
    const count = async () => (await query<{ n: number }>('analytics', 'SELECT count(*)::int AS n FROM system_config'))[0].n;

    expect(await seedAll(env)).toContain('analytics');
    const first = await count();
    await seedAll(env);

    expect(first).toBe(SYSTEM_CONFIG.length);
    expect(await count()).toBe(first);
    const [currency] = await query('analytics', "SELECT value, is_public FROM system_config WHERE key = 'site.currency'");
    expect(currency).toEqual({ value: 'PHP', is_public: true });
  });
});

// mash-backend-schema.md's index strategy, checked on the migrated databases (the migrateAll tests above made them).
describe('index strategy', () => {
  it('indexes every foreign key: some index starts with its columns', async () => {
    const unindexed: string[] = [];
    for (const service of DATABASE_SERVICES) {
      const rows = await query<{ fk: string }>(
        service,
        `SELECT c.conrelid::regclass || '.' || c.conname AS fk
           FROM pg_constraint c
          WHERE c.contype = 'f'
            AND NOT EXISTS (
              SELECT 1 FROM pg_index i
               WHERE i.indrelid = c.conrelid
                 AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)`,
      );
      unindexed.push(...rows.map((r) => `${service}: ${r.fk}`));
    }
    expect(unindexed).toEqual([]);
  });

  it('keeps one cart line per product without a variant (NULLS NOT DISTINCT)', async () => {
    const db = new Client({ connectionString: databaseUrlFor('orders', env) });
    await db.connect();
    try {
      const [{ id: cartId }] = (
        await db.query(
          `INSERT INTO carts (id, session_id, updated_at) VALUES (gen_random_uuid(), 'index-strategy-session', now()) RETURNING id`,
        )
      ).rows;
      const line = `INSERT INTO cart_items (id, cart_id, product_id, variant_id, quantity, price, original_price, subtotal, total, updated_at)
                    VALUES (gen_random_uuid(), $1, '00000000-0000-4000-8000-000000000001', NULL, 1, 10, 10, 10, 10, now())`;
      await db.query(line, [cartId]);
      await expect(db.query(line, [cartId])).rejects.toThrow(/cart_items_cart_id_product_id_variant_id_key/);
      expect((await db.query('SELECT count(*)::int AS n FROM cart_items WHERE cart_id = $1', [cartId])).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.end();
    }
  });
});
