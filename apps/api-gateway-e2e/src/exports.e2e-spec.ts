import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { productFixtures } from './product-fixtures';
import { Stack, startStack } from './stack';

type Row = Record<string, string | null>;

const PRODUCT_COLUMNS = [
  'id',
  'sku',
  'name',
  'slug',
  'description',
  'price',
  'basePrice',
  'comparePrice',
  'costPrice',
  'stock',
  'minStock',
  'status',
  'isFeatured',
  'storeId',
  'categoryIds',
  'tags',
  'createdAt',
  'updatedAt',
];

/** A product as GET /products/:id answers it, in the export's shape: text cells, lists joined by `|`. */
const asExportRow = (p: Record<string, unknown>): Row =>
  Object.fromEntries(
    PRODUCT_COLUMNS.map((c) => {
      const v = p[c];
      return [c, v === null || v === undefined ? null : Array.isArray(v) ? v.join('|') || null : String(v)];
    }),
  );

/** Exports through the gateway: four formats read back by real parsers, filters, team scoping, links, cancel, restart, roles. */
describe('exports', () => {
  let stack: Stack;
  let catalog: Client;
  let orders: Client;
  let analytics: Client;
  let filesDir: string;
  let admin: Account;
  let sellerA: Account;
  let sellerB: Account;
  let storeA: string;
  let storeB: string;
  let categoryId: string;
  const productsA: Row[] = [];
  const productsB: Row[] = [];
  const identity = identityClient(() => stack);
  const { call, account, root } = identity;
  const { teamWithStore, category } = productFixtures(identity, () => catalog);

  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, options);
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  };
  const queue = async (token: string, body: Record<string, unknown>) => {
    const created = await send('POST', '/exports', { token, body });
    expect([created.status, created.body.status]).toEqual([202, 'QUEUED']);
    return created.body.id as string;
  };
  const ended = (token: string, id: string) =>
    eventually(
      () => send('GET', `/exports/${id}`, { token }),
      (r) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.body?.status),
      30000,
    ).then((r) => r.body);
  const download = async (url: string) => {
    const response = await fetch(`${stack.base}${url}`);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const xml = new XMLParser({ trimValues: false, parseTagValue: false, htmlEntities: true, isArray: () => true });

  /** The rows of a downloaded file, whatever its format, as `{ column: text | null }`. */
  async function rowsOf(format: string, bytes: Buffer): Promise<Row[]> {
    if (format === 'JSON') return JSON.parse(bytes.toString('utf8'));
    if (format === 'CSV')
      return (parse(bytes, { bom: true, columns: true }) as Row[]).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v])),
      );
    if (format === 'XML') {
      const items = (xml.parse(bytes.toString('utf8')).products?.[0]?.product ?? []) as Record<string, string[]>[];
      return items.map((item) => Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, item[c]?.[0] ?? null])));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const [header, ...rows] = (workbook.worksheets[0].getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    return rows.map((r) => Object.fromEntries((header as string[]).map((c, i) => [c, (r[i] as string | undefined) ?? null])));
  }
  const byId = (rows: Row[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

  const createProduct = async (token: string, body: Record<string, unknown>) => {
    const created = await send('POST', '/products', { token, body });
    expect([created.status, body.name]).toEqual([201, body.name]);
    return asExportRow((await send('GET', `/products/${created.body.id}`, { token })).body);
  };

  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'export-files-'));
    stack = await startStack(['identity', 'catalog', 'orders', 'analytics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      FILE_STORE_DIR: filesDir,
      EXPORT_WORKER_POLL_MS: '100',
      EXPORT_PAGE_ROWS: '2',
      EXPORT_PAGE_PAUSE_MS: '20',
      EXPORT_LINK_TTL_SECONDS: '3',
      EXPORT_STALE_SECONDS: '5',
      NATS_REQUEST_TIMEOUT_MS: '10000',
    });
    [catalog, orders, analytics] = await Promise.all([stack.db('catalog'), stack.db('orders'), stack.db('analytics')]);
    admin = await root();
    [sellerA, sellerB] = [await account(['SELLER'], 'exporter-a'), await account(['SELLER'], 'exporter-b')];
    [storeA, storeB] = [await teamWithStore(sellerA), await teamWithStore(sellerB)];
    categoryId = await category();
    const tag = randomUUID().slice(0, 6);
    for (const body of [
      {
        name: 'Café, "Deluxe" mug',
        sku: `A-${tag}-1`,
        price: '12.50',
        basePrice: '8.00',
        description: 'Line one,\nline "two", and a comma',
        tags: ['mug', 'kitchen'],
        categoryIds: [categoryId],
        status: 'ACTIVE',
      },
      { name: '椎茸 Shiitake grow kit ñ', sku: `A-${tag}-2`, price: '0.10', status: 'ACTIVE', stock: 3 },
      { name: "O'Brien's <b>&</b> tray", sku: `A-${tag}-3`, price: '1000000.00', costPrice: '999.99', status: 'DRAFT' },
      { name: 'Plain pot', sku: `A-${tag}-4`, price: '7', status: 'ACTIVE' },
      { name: '=SUM(A1:A2) formula-looking', sku: `A-${tag}-5`, price: '3.30', status: 'ACTIVE' },
    ])
      productsA.push(await createProduct(sellerA.token, { storeId: storeA, stock: 5, ...body }));
    for (const body of [
      { name: 'Team B bowl', sku: `B-${tag}-1`, price: '4.00', status: 'ACTIVE' },
      { name: 'Team B draft', sku: `B-${tag}-2`, price: '5.00', status: 'DRAFT' },
    ])
      productsB.push(await createProduct(sellerB.token, { storeId: storeB, stock: 1, ...body }));
  }, 240000);

  afterAll(async () => {
    await Promise.all([catalog, orders, analytics].map((c) => c?.end()));
    await stack?.stop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it.each(['CSV', 'EXCEL', 'JSON', 'XML'])(
    "exports a seller's products to %s that parses back to exactly the stored rows, and nothing of another team",
    async (format) => {
      const id = await queue(sellerA.token, { entityType: 'PRODUCT', fileFormat: format });
      const job = await ended(sellerA.token, id);
      expect(job).toMatchObject({ status: 'COMPLETED', processedRecords: 5, totalRecords: 5, progressPercent: 100, failureReason: null });
      expect(job.fileSize).toBeGreaterThan(0);
      expect(job.downloadUrl).toMatch(/token=/);
      const rows = await rowsOf(format, await download(job.downloadUrl));
      expect(byId(rows)).toEqual(byId(productsA));
      const stored = await analytics.query('SELECT result_file_url, file_size, team_id FROM import_export_jobs WHERE id = $1', [id]);
      expect(stored.rows[0].result_file_url).toMatch(new RegExp(`^exports/${id}/1\\.(csv|xlsx|json|xml)$`));
      expect(stored.rows[0].file_size).toBe(job.fileSize);
      expect(stored.rows[0].team_id).not.toBeNull();
    },
    60000,
  );

  it("applies the owner's filters: status, category, store and dates; another team's store gives nothing", async () => {
    const exported = async (token: string, filters: Record<string, unknown>) => {
      const job = await ended(token, await queue(token, { entityType: 'PRODUCT', fileFormat: 'JSON', filters }));
      expect(job.status).toBe('COMPLETED');
      return byId(await rowsOf('JSON', await download(job.downloadUrl)));
    };
    expect(await exported(sellerA.token, { status: 'DRAFT' })).toEqual(productsA.filter((p) => p.status === 'DRAFT'));
    expect(await exported(sellerA.token, { categoryId })).toEqual(productsA.filter((p) => p.categoryIds === categoryId));
    expect(await exported(sellerA.token, { storeId: storeB })).toEqual([]);
    expect(await exported(sellerA.token, { from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).toEqual([]);
    expect(await exported(sellerA.token, { search: 'shiitake' })).toEqual([productsA[1]]);
    // An admin exports every team's rows; narrowed to team B's store here.
    expect(await exported(admin.token, { storeId: storeB })).toEqual(byId(productsB));
    const everything = await exported(admin.token, {});
    for (const p of [...productsA, ...productsB]) expect(everything).toContainEqual(p);
    expect(await exported(sellerB.token, {})).toEqual(byId(productsB));
  }, 60000);

  it('answers 400 problem+json naming the bad field, and stores no job', async () => {
    const before = (await analytics.query('SELECT count(*)::int AS n FROM import_export_jobs')).rows[0].n;
    const bad = async (body: Record<string, unknown>) => {
      const r = await send('POST', '/exports', { token: sellerA.token, body: { entityType: 'PRODUCT', fileFormat: 'CSV', ...body } });
      expect([r.status, r.type]).toEqual([400, expect.stringContaining('application/problem+json')]);
      return r.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await bad({ filters: { status: 'SHINY' } })).toEqual(['filters.status']);
    expect(await bad({ filters: { storeId: 'not-a-uuid' } })).toEqual(['filters.storeId']);
    expect(await bad({ filters: { from: 'yesterday' } })).toEqual(['filters.from']);
    expect(await bad({ filters: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } })).toEqual(['filters.to']);
    expect(await bad({ filters: { colour: 'red' } })).toEqual(['filters.colour']);
    expect(await bad({ entityType: 'CATEGORY', filters: { storeId: storeA } })).toEqual(['filters.storeId']);
    expect(await bad({ fileFormat: 'PDF' })).toEqual(['fileFormat']);
    expect(await bad({ entityType: 'SPACESHIP' })).toEqual(['entityType']);
    expect(await bad({ priority: 'NOW' })).toEqual(['priority']);
    expect((await analytics.query('SELECT count(*)::int AS n FROM import_export_jobs')).rows[0].n).toBe(before);
  });

  it('hands out a link that expires, and a fresh one on each read', async () => {
    const id = await queue(sellerA.token, { entityType: 'CATEGORY', fileFormat: 'CSV' });
    const job = await ended(sellerA.token, id);
    expect(job.status).toBe('COMPLETED');
    expect(new Date(job.downloadExpiresAt).getTime()).toBeGreaterThan(Date.now());
    const categories = parse(await download(job.downloadUrl), { bom: true, columns: true }) as Row[];
    expect(categories.map((c) => c.id)).toContain(categoryId);
    expect((await fetch(`${stack.base}${job.downloadUrl.replace(/token=[^&]+/, 'token=forged')}`)).status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 3500));
    expect((await fetch(`${stack.base}${job.downloadUrl}`)).status).toBeGreaterThanOrEqual(400);
    const again = (await send('GET', `/exports/${id}`, { token: sellerA.token })).body;
    expect(again.downloadUrl).not.toBe(job.downloadUrl);
    await download(again.downloadUrl);
  }, 30000);

  it('cancels a running export at a page boundary: CANCELLED, no file kept or offered; an ended one is 409', async () => {
    // 400 more products for team A straight into the catalog: 200 pages of 2 rows, seconds of work.
    await catalog.query(
      `INSERT INTO products (id, store_id, name, slug, price, stock, status, updated_at)
       SELECT gen_random_uuid(), $1::uuid, 'Bulk ' || i, 'bulk-' || i || '-' || gen_random_uuid(), 1.00, 1, 'ACTIVE', now()
       FROM generate_series(1, 400) i`,
      [storeA],
    );
    try {
      const id = await queue(sellerA.token, { entityType: 'PRODUCT', fileFormat: 'CSV', priority: 'URGENT' });
      const running = await eventually(
        () => send('GET', `/exports/${id}`, { token: sellerA.token }),
        (r) => r.body.status === 'PROCESSING' && r.body.processedRecords > 0,
        15000,
      );
      expect(running.body).toMatchObject({ totalRecords: 405, downloadUrl: null });
      expect(running.body.progressPercent).toBeGreaterThan(0);
      expect(running.body.estimatedTimeMs).toBeGreaterThan(0);
      const cancelled = await send('POST', `/exports/${id}/cancel`, { token: sellerA.token });
      expect([cancelled.status, cancelled.body.cancelRequested]).toEqual([200, true]);
      const job = await ended(sellerA.token, id);
      expect([job.status, job.downloadUrl, job.failureReason]).toEqual(['CANCELLED', null, 'Cancelled while running']);
      expect(job.processedRecords).toBeLessThan(405);
      const stored = await analytics.query('SELECT result_file_url FROM import_export_jobs WHERE id = $1', [id]);
      expect(stored.rows[0].result_file_url).toBeNull();
      expect(await readdir(join(filesDir, 'exports', id)).catch(() => [])).toEqual([]);
      const again = await send('POST', `/exports/${id}/cancel`, { token: sellerA.token });
      expect([again.status, again.body.code]).toEqual([409, 'ANALYTICS.EXPORT_FINISHED']);
    } finally {
      await catalog.query(`DELETE FROM products WHERE store_id = $1::uuid AND name LIKE 'Bulk %'`, [storeA]);
    }
  }, 60000);

  it('exports orders as the order rules allow: a seller their stores’ orders, an admin every one', async () => {
    const insert = (storeId: string, n: number, total: string, status = 'CONFIRMED') =>
      orders.query(
        `INSERT INTO orders (id, order_code, order_number, store_id, status, subtotal, total, currency, shipping_address, billing_address, placed_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3::uuid, $4::"OrderStatus", $5::numeric, $5::numeric, 'PHP', '{}', '{}', now(), now()) RETURNING id::text`,
        [randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(), `ORD-EXP-${randomUUID()}-${n}`, storeId, status, total],
      );
    const mine = [(await insert(storeA, 1, '19.90')).rows[0].id, (await insert(storeA, 2, '0.05', 'PENDING')).rows[0].id];
    const theirs = (await insert(storeB, 3, '5.00')).rows[0].id;
    const exported = async (token: string, filters: Record<string, unknown> = {}) => {
      const job = await ended(token, await queue(token, { entityType: 'ORDER', fileFormat: 'JSON', filters }));
      expect(job.status).toBe('COMPLETED');
      return (await rowsOf('JSON', await download(job.downloadUrl))) as Row[];
    };
    const a = await exported(sellerA.token);
    expect(a.map((o) => o.id).sort()).toEqual([...mine].sort());
    expect(a.find((o) => o.id === mine[0])).toMatchObject({ storeId: storeA, total: '19.90', currency: 'PHP', status: 'CONFIRMED' });
    expect((await exported(sellerA.token, { status: 'PENDING' })).map((o) => o.id)).toEqual([mine[1]]);
    expect((await exported(admin.token, { storeId: storeB })).map((o) => o.id)).toEqual([theirs]);
  }, 60000);

  it('keeps people exports to admins, never with a secret, and each caller to their own jobs', async () => {
    const buyer = await account(['BUYER'], 'buyer');
    expect((await send('POST', '/exports', { token: buyer.token, body: { entityType: 'PRODUCT', fileFormat: 'CSV' } })).status).toBe(403);
    expect((await send('POST', '/exports', { body: { entityType: 'PRODUCT', fileFormat: 'CSV' } })).status).toBe(401);
    for (const entityType of ['USER', 'SELLER', 'BUYER']) {
      const r = await send('POST', '/exports', { token: sellerA.token, body: { entityType, fileFormat: 'CSV' } });
      expect([entityType, r.status, r.body.code]).toEqual([entityType, 403, 'ANALYTICS.EXPORT_ADMINS_ONLY']);
    }
    const sellers = await ended(admin.token, await queue(admin.token, { entityType: 'SELLER', fileFormat: 'JSON' }));
    expect(sellers.status).toBe('COMPLETED');
    const people = (await rowsOf('JSON', await download(sellers.downloadUrl))) as Row[];
    expect(people.map((p) => p.email)).toEqual(expect.arrayContaining([sellerA.email, sellerB.email]));
    expect(people.map((p) => p.email)).not.toContain(buyer.email);
    const columns = Object.keys(people[0]);
    for (const secret of [
      'password',
      'twoFactorSecret',
      'twoFactorBackupCodes',
      'emailVerificationToken',
      'passwordResetCode',
      'oauthAccessToken',
    ])
      expect(columns).not.toContain(secret);

    const buyers = await ended(
      admin.token,
      await queue(admin.token, { entityType: 'BUYER', fileFormat: 'XML', filters: { search: buyer.email } }),
    );
    const parsed = xml.parse((await download(buyers.downloadUrl)).toString('utf8'));
    expect(parsed.buyers[0].buyer.map((b: Record<string, string[]>) => b.email[0])).toEqual([buyer.email]);

    const mine = (await send('GET', '/exports?limit=100', { token: sellerB.token })).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((j: { createdBy: string }) => j.createdBy === sellerB.id)).toBe(true);
    const ofA = (await send('GET', '/exports?limit=1', { token: sellerA.token })).body;
    expect((await send('GET', `/exports/${ofA.items[0].id}`, { token: sellerB.token })).status).toBe(404);
    expect((await send('POST', `/exports/${ofA.items[0].id}/cancel`, { token: sellerB.token })).status).toBe(404);
    const next = await send('GET', `/exports?limit=1&cursor=${ofA.nextCursor}`, { token: sellerA.token });
    expect(next.body.items[0].id).not.toBe(ofA.items[0].id);
    const all = (await send('GET', '/exports?limit=100&entityType=SELLER', { token: admin.token })).body.items;
    expect(all.map((j: { id: string }) => j.id)).toContain(sellers.id);
  }, 60000);

  it('runs URGENT before NORMAL before LOW, resumes a job whose worker died and fails one that keeps dying', async () => {
    const caller = { userId: admin.id, roles: ['SUPER_ADMIN'], permissions: ['exports:create', 'exports:read'], teamIds: [] };
    const job = (priority: string, extra = '') =>
      `INSERT INTO import_export_jobs (id, type, entity_type, priority, file_name, file_format, filters, options, created_by, updated_at${extra ? ', status, heartbeat_at, started_at' : ''})
       VALUES ('${priority.toLowerCase()}${randomUUID().replace(/-/g, '').slice(0, 20)}', 'EXPORT', 'CATEGORY', '${priority}', 'c.csv', 'CSV', '{}',
         '${JSON.stringify({ caller, attempts: extra ? Number(extra) : 0 })}', '${admin.id}', now()${extra ? ", 'PROCESSING', now() - interval '1 hour', now() - interval '1 hour'" : ''})
       RETURNING id`;
    const ids = (
      await analytics.query(
        `WITH a AS (${job('LOW')}), b AS (${job('NORMAL')}), c AS (${job('URGENT')}) SELECT (SELECT id FROM a) AS low, (SELECT id FROM b) AS normal, (SELECT id FROM c) AS urgent`,
      )
    ).rows[0];
    const dead = (await analytics.query(job('NORMAL', '1'))).rows[0].id;
    const hopeless = (await analytics.query(job('NORMAL', '3'))).rows[0].id;
    const done = await Promise.all([ids.low, ids.normal, ids.urgent, dead, hopeless].map((id) => ended(admin.token, id)));
    const started = (id: string) =>
      analytics.query('SELECT started_at FROM import_export_jobs WHERE id = $1', [id]).then((r) => r.rows[0].started_at.getTime());
    expect(await started(ids.urgent)).toBeLessThanOrEqual(await started(ids.normal));
    expect(await started(ids.normal)).toBeLessThanOrEqual(await started(ids.low));
    expect(done.map((j) => j.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'FAILED']);
    expect(done[4].failureReason).toBe('Its worker stopped 3 times without finishing it');
    const resumed = await analytics.query(
      `SELECT (options->>'attempts')::int AS attempts, result_file_url FROM import_export_jobs WHERE id = $1`,
      [dead],
    );
    expect(resumed.rows[0]).toEqual({ attempts: 2, result_file_url: `exports/${dead}/2.csv` });
  }, 60000);
});
