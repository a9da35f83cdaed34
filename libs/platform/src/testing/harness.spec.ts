import { Client } from 'pg';
import { createTestDatabase, getTestInfrastructure } from './index';

describe('test harness', () => {
  it('hands out servers that answer (containers, env URLs or the local services)', async () => {
    const infra = await getTestInfrastructure(() => undefined);
    try {
      const client = new Client({ connectionString: infra.databaseUrl });
      await client.connect();
      await expect(client.query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
      await client.end();
      expect(infra.natsUrl).toMatch(/^nats:\/\//);
    } finally {
      await infra.stop();
    }
  });

  it('creates a private database and drops it even while a connection is open', async () => {
    const db = await createTestDatabase('Harness-Spec');
    expect(db.name).toMatch(/^harness_spec_[a-z0-9]+_[0-9a-f]{8}$/);
    const client = new Client({ connectionString: db.url });
    client.on('error', () => undefined); // the forced drop terminates this connection
    await client.connect();
    await client.query('create table t (id int)');
    await db.drop();
    await client.end().catch(() => undefined);

    const admin = new Client({ connectionString: db.url.replace(`/${db.name}`, '/postgres') });
    await admin.connect();
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [db.name]);
    await admin.end();
    expect(rowCount).toBe(0);
  });
});
