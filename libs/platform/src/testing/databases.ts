/** Private databases on the shared test server, for specs that must not see each other's rows. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_DATABASE_SERVER_URL } from '../config/database-url';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The server the harness chose (global setup exports DATABASE_URL), else the local default. */
function serverUrl(): URL {
  return new URL(process.env.DATABASE_URL || DEFAULT_DATABASE_SERVER_URL);
}

async function onServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  // Administrative statements go through the maintenance database, never the one being dropped.
  const admin = serverUrl();
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<time>_<random>` (unique across parallel jest workers) and returns its URL. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const safe = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40);
  const name = `${safe}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const url = serverUrl();
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      // FORCE (PostgreSQL 13+) ends connections a spec's pool may still hold open.
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}
