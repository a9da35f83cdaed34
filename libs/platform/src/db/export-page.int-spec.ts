import { Client } from 'pg';
import { databaseUrlFor } from '../config/database-url';
import { AppError } from '../errors/app-error';
import { checkExportFilters, exportPage, ExportQuery, isoTime, sqlParams } from './export-page';

/** Keyset export pages against real PostgreSQL: every row once, in key order, text cells, the count, the filter checks. */
describe('export pages', () => {
  const url = databaseUrlFor('analytics', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1');
  const client = new Client({ connectionString: url });
  const db = { $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T };
  const table = `export_page_spec_${process.pid}`;

  beforeAll(async () => {
    await client.connect();
    await client.query(
      `CREATE TEMP TABLE ${table} (id uuid PRIMARY KEY, name text, price numeric(10,2), tags text[], at timestamptz, gone boolean)`,
    );
    await client.query(
      `INSERT INTO ${table} SELECT gen_random_uuid(), 'Item ' || i, i * 1.5, CASE WHEN i % 2 = 0 THEN ARRAY['a','b'] ELSE '{}' END,
         '2026-01-01T00:00:00Z'::timestamptz + i * interval '1 ms', i % 5 = 0 FROM generate_series(1, 23) i`,
    );
  });
  afterAll(() => client.end());

  const query = (): ExportQuery => {
    const params: unknown[] = [];
    const p = sqlParams(params);
    return {
      columns: { id: 't.id', name: 't.name', price: 't.price', tags: `nullif(array_to_string(t.tags, '|'), '')`, at: isoTime('t.at') },
      from: `${table} t`,
      where: [`NOT t.gone`, `t.price >= ${p('0', '::numeric')}`],
      params,
      key: 't.id',
    };
  };

  it('pages through every matching row once, in key order, as text, counting them on request', async () => {
    const seen: (string | null)[][] = [];
    let after: string | undefined;
    let pages = 0;
    let total: number | null = null;
    do {
      const page = await exportPage(db, query(), { after, limit: 4, count: after === undefined });
      expect(page.columns).toEqual(['id', 'name', 'price', 'tags', 'at']);
      if (after === undefined) total = page.total;
      else expect(page.total).toBeNull();
      seen.push(...page.rows);
      after = page.next ?? undefined;
      pages++;
    } while (after);
    const expected = (await client.query(`SELECT id::text FROM ${table} WHERE NOT gone ORDER BY id`)).rows.map((r) => r.id);
    expect([total, pages, seen.map((r) => r[0])]).toEqual([19, 5, expected]);
    const one = seen.find((r) => r[1] === 'Item 2')!;
    expect(one.slice(2)).toEqual(['3.00', 'a|b', '2026-01-01T00:00:00.002Z']);
    expect(seen.find((r) => r[1] === 'Item 1')![3]).toBeNull();
  });

  it('refuses a key that is not a previous page’s, naming it', async () => {
    await expect(exportPage(db, query(), { after: "x' OR 1=1 --", limit: 4 })).rejects.toMatchObject({ code: 'PLATFORM.INVALID_CURSOR' });
  });

  it('checks filters against the entity type’s rule: unknown filter, unknown status, a reversed range', () => {
    const rule = { filters: ['status', 'from', 'to'] as const, statuses: ['ACTIVE', 'DRAFT'] };
    const fieldOf = (filters: Record<string, string>) => {
      try {
        checkExportFilters(filters, rule, 'PRODUCT');
        return null;
      } catch (error) {
        return (error as AppError).details?.errors?.[0].field;
      }
    };
    expect(fieldOf({ status: 'ACTIVE', from: '2026-01-01T00:00:00Z' })).toBeNull();
    expect(fieldOf({ storeId: '00000000-0000-4000-8000-000000000000' })).toBe('filters.storeId');
    expect(fieldOf({ status: 'SHINY' })).toBe('filters.status');
    expect(fieldOf({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toBe('filters.to');
    expect(() => checkExportFilters({}, undefined, 'SPACESHIP')).toThrow(/does not export SPACESHIP/);
  });
});
