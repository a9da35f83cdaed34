import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ApiUsageRow, toUsageColumns } from '@suite/contracts/analytics';
import { AnalyticsDb, AnalyticsPrismaClient } from '@suite/db/analytics';
import { createPrismaClient, databaseNameFor, databaseUrlFor } from '@suite/platform';
import { migrateAll } from '@suite/platform/infra';
import { RecordApiUsageCommand, RecordApiUsageHandler } from './record-api-usage.command';

/** The one-statement batch insert of gateway usage rows, against a migrated analytics database. */
describe('RecordApiUsageHandler', () => {
  const env = { ...process.env, DATABASE_NAME_PREFIX: `int_${randomBytes(4).toString('hex')}_` };
  let db: AnalyticsDb;
  let handler: RecordApiUsageHandler;

  const row = (overrides: Partial<ApiUsageRow> = {}): ApiUsageRow => ({
    id: randomUUID(),
    endpoint: '/api/v1/orders/:orderId',
    method: 'GET',
    version: 'v1',
    statusCode: 200,
    responseTime: 7,
    ipAddress: '203.0.113.9',
    rateLimitHit: false,
    throttled: false,
    timestamp: '2026-12-08T10:11:12.345Z',
    ...overrides,
  });

  beforeAll(async () => {
    await migrateAll(env, ['analytics']);
    db = createPrismaClient<AnalyticsDb>(AnalyticsPrismaClient, databaseUrlFor('analytics', env), 4);
    handler = new RecordApiUsageHandler(db);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    const admin = new URL(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(
      `DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseNameFor('analytics', env.DATABASE_NAME_PREFIX))} WITH (FORCE)`,
    );
    await client.end();
  });

  it('stores every field of every row, optional ones as NULL, and a batch sent again only once', async () => {
    const full = row({
      userId: 'user-1',
      apiKey: 'key-1',
      requestSize: 120,
      responseSize: 4096,
      userAgent: 'curl/8.5',
      referer: 'https://shop.example.com/',
      rateLimitHit: true,
      throttled: true,
      queueTime: 3,
      metadata: { route: 'orders', tags: ['a', 'b'] },
    });
    const bare = row({ statusCode: 404, method: 'POST' });
    const batch = { usage: toUsageColumns([full, bare]), blocked: [] };
    expect(await handler.execute(new RecordApiUsageCommand(batch))).toEqual({ usage: 2, blocked: 0 });
    await handler.execute(new RecordApiUsageCommand(batch));

    const stored = await db.apiUsageLog.findMany({ where: { id: { in: [full.id, bare.id] } }, orderBy: { statusCode: 'asc' } });
    expect(stored).toEqual([
      { ...full, timestamp: new Date(full.timestamp) },
      {
        ...bare,
        userId: null,
        apiKey: null,
        requestSize: null,
        responseSize: null,
        userAgent: null,
        referer: null,
        queueTime: null,
        metadata: null,
        timestamp: new Date(bare.timestamp),
      },
    ]);
  });

  it('stores a batch of the largest size in one call, with text PostgreSQL must quote', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => row({ userAgent: `agent "${i}", {x} \\ 'q'`, responseTime: i }));
    await handler.execute(new RecordApiUsageCommand({ usage: toUsageColumns(rows), blocked: [] }));
    const stored = await db.apiUsageLog.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      select: { userAgent: true, responseTime: true },
    });
    expect(stored).toHaveLength(2000);
    expect(stored.find((r) => r.responseTime === 1999)?.userAgent).toBe(`agent "1999", {x} \\ 'q'`);
  });

  it('adds refused requests to their rate-limit window across batches', async () => {
    const window = {
      identifier: 'ip:203.0.113.9',
      endpoint: 'GET /api/v1/products',
      windowStart: '2026-12-08T10:00:00.000Z',
      windowEnd: '2026-12-08T10:01:00.000Z',
    };
    await handler.execute(new RecordApiUsageCommand({ usage: toUsageColumns([]), blocked: [{ ...window, count: 3 }] }));
    await handler.execute(new RecordApiUsageCommand({ usage: toUsageColumns([row()]), blocked: [{ ...window, count: 2 }] }));
    const logs = await db.rateLimitLog.findMany({ where: { identifier: window.identifier } });
    expect(logs.map((l) => [l.count, l.blocked])).toEqual([[5, true]]);
  });
});
