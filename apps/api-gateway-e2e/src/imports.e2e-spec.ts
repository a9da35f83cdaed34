import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually, freePort, Running, startService } from './processes';
import { productFixtures } from './product-fixtures';
import { json, Stack, startStack } from './stack';

type Cells = Record<string, string>;
const HEADER = [
  'sku',
  'name',
  'price',
  'comparePrice',
  'stock',
  'maxCartQty',
  'status',
  'categories',
  'description',
  'tags',
  'isFeatured',
  'storeId',
  'colour',
];

/** Imports through the gateway: one CSV with every kind of bad row, the same data in the other formats, dry run, limits, cancel, priority, a dead worker, templates, roles. */
describe('imports', () => {
  let stack: Stack;
  let catalog: Client;
  let analytics: Client;
  let filesDir: string;
  let seller: Account;
  let otherSeller: Account;
  let designer: Account;
  let storeId: string;
  let otherStoreId: string;
  const client = identityClient(() => stack);
  const { call, account, root } = client;
  const fixtures = productFixtures(client, () => catalog);

  const upload = async (token: string, file: { name: string; body: Buffer | string }, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body]), file.name);
    const response = await fetch(`${stack.base}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: await json(response) };
  };
  const get = async (path: string, token: string) => {
    const response = await call('GET', path, { token });
    return { status: response.status, body: await json(response) };
  };
  const finished = (id: string, token = seller.token) =>
    eventually(
      () => get(`/imports/${id}`, token),
      (r) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.body?.status),
      45000,
    ).then((r) => r.body);
  const importProducts = async (
    file: { name: string; body: Buffer | string },
    fields: Record<string, string> = {},
    token = seller.token,
  ) => {
    const started = await upload(token, file, { entityType: 'PRODUCT', storeId, ...fields });
    expect([started.status, started.body.status]).toEqual([202, 'QUEUED']);
    return finished(started.body.id, token);
  };
  const allErrors = async (id: string, token = seller.token, query = '') => {
    const out: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<Record<string, unknown>>; nextCursor: string | null } } = await get(
        `/imports/${id}/errors?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`,
        token,
      );
      out.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return out;
  };
  const products = async (prefix: string) =>
    (
      await catalog.query(
        `SELECT p.id, p.sku, p.name, p.price::text AS price, p.compare_price::text AS "comparePrice", p.stock, p.status::text AS status,
                p.description, p.tags, p.store_id AS "storeId",
                coalesce((SELECT array_agg(c.slug ORDER BY c.slug) FROM product_categories pc JOIN categories c ON c.id = pc.category_id WHERE pc.product_id = p.id), '{}') AS categories
           FROM products p WHERE p.sku LIKE $1 ORDER BY p.sku`,
        [`${prefix}%`],
      )
    ).rows;

  // The rows of the main file: good ones (G-) and one bad row of each kind, with the column and code it must report.
  const rows: Array<{ cells: Cells; expect?: [string, string] }> = [];
  const good = (cells: Cells) => rows.push({ cells });
  const bad = (cells: Cells, column: string, code: string) => rows.push({ cells, expect: [column, code] });
  const base = (sku: string): Cells => ({ sku, name: `Product ${sku}`, price: '10.00' });
  good({ ...base('G-001'), name: 'Plain mug', price: '12.50', stock: '10', status: 'ACTIVE', categories: 'mugs', colour: 'red' });
  bad({ ...base('B-01'), name: '' }, 'name', 'REQUIRED');
  bad({ ...base('B-02'), price: 'abc' }, 'price', 'NOT_A_NUMBER');
  bad({ ...base('B-03'), price: '-5.00' }, 'price', 'NEGATIVE_AMOUNT');
  bad({ ...base('B-04'), status: 'SOLD' }, 'status', 'NOT_ALLOWED');
  bad({ ...base('B-05'), name: 'n'.repeat(201) }, 'name', 'TOO_LONG');
  good({ ...base('G-002'), name: 'Quoted, comma mug', comparePrice: '15.00' });
  bad({ ...base('G-001'), name: 'Duplicate of the first row' }, 'sku', 'DUPLICATE_IN_FILE');
  bad({ ...base('B-07'), categories: 'mugs|no-such-category' }, 'categories', 'UNKNOWN_CATEGORY');
  good({ ...base('G-003'), description: 'Line one\nLine two, "quoted"' });
  good({ ...base('G-004'), name: "Baker's mug" });
  good({ ...base('G-005'), name: 'Café 茶 кружка', tags: 'ünï|çødé' });
  bad({ ...base('B-08'), stock: '2.5' }, 'stock', 'NOT_A_NUMBER');
  bad({ ...base('B-09'), maxCartQty: '0' }, 'maxCartQty', 'OUT_OF_RANGE');
  bad({ ...base('B-10'), price: '1.999' }, 'price', 'TOO_MANY_DECIMALS');
  bad({ ...base(''), name: 'No sku' }, 'sku', 'REQUIRED');
  bad({ ...base('B-12'), isFeatured: 'maybe' }, 'isFeatured', 'NOT_A_BOOLEAN');
  bad({ ...base(`B-13-${'x'.repeat(100)}`) }, 'sku', 'TOO_LONG');
  bad({ ...base('B-14'), storeId: 'OTHER_STORE' }, 'storeId', 'STORE_NOT_FOUND');
  bad({ ...base('OTHER-1') }, 'sku', 'SKU_TAKEN');
  bad({ ...base('B-16'), comparePrice: 'N/A' }, 'comparePrice', 'NOT_A_NUMBER');
  bad({ ...base('B-17'), storeId: 'store-1' }, 'storeId', 'NOT_A_UUID');
  good({ ...base('G-006'), price: '0.5', tags: 'a|b', categories: 'mugs|tees' });
  good({ ...base('G-007'), price: '99999999.99', status: 'draft' });
  const GOOD = rows.filter((r) => !r.expect).length;
  const BAD = rows.filter((r) => r.expect);
  const cellsOf = (r: { cells: Cells }) =>
    Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v === 'OTHER_STORE' ? otherStoreId : v]));

  const csvOf = (data: Cells[]) => '\uFEFF' + stringify([HEADER, ...data.map((c) => HEADER.map((h) => c[h] ?? ''))]);
  const excelOf = async (data: Cells[]) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Products');
    sheet.addRow(HEADER);
    for (const c of data) sheet.addRow(HEADER.map((h) => c[h] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const jsonOf = (data: Cells[]) => JSON.stringify(data.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== ''))));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xmlOf = (data: Cells[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<rows>\n${data
      .map(
        (c) =>
          `  <row>${Object.entries(c)
            .filter(([, v]) => v !== '')
            .map(([k, v]) => `<${k}>${esc(v)}</${k}>`)
            .join('')}</row>`,
      )
      .join('\n')}\n</rows>\n`;
  const reported = (errors: Array<Record<string, unknown>>) =>
    errors.filter((e) => e.severity === 'ERROR').map((e) => [e.rowNumber, e.columnName, e.errorCode]);
  const expectedErrors = () => rows.map((r, i) => (r.expect ? [i + 2, ...r.expect] : null)).filter(Boolean);

  beforeAll(async () => {
    filesDir = await mkdtemp(join(tmpdir(), 'import-files-'));
    stack = await startStack(['identity', 'catalog', 'orders', 'analytics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      FILE_STORE_DIR: filesDir,
      IMPORT_MAX_FILE_BYTES: '300000',
      IMPORT_WORKER_POLL_MS: '100',
      IMPORT_BATCH_ROWS: '5',
      IMPORT_HEARTBEAT_MS: '300',
      IMPORT_STALE_SECONDS: '3',
      IMPORT_MAX_RESUMES: '2',
      NATS_REQUEST_TIMEOUT_MS: '10000',
    });
    catalog = await stack.db('catalog');
    analytics = await stack.db('analytics');
    [seller, otherSeller, designer] = await Promise.all([
      account(['SELLER'], 'seller'),
      account(['SELLER'], 'other'),
      account(['DESIGNER'], 'designer'),
    ]);
    storeId = await fixtures.teamWithStore(seller);
    otherStoreId = await fixtures.teamWithStore(otherSeller);
    await catalog.query(
      `INSERT INTO categories (id, name, slug, updated_at) VALUES (gen_random_uuid(), 'Mugs', 'mugs', now()), (gen_random_uuid(), 'Tees', 'tees', now())`,
    );
    await catalog.query(
      `INSERT INTO products (id, store_id, sku, name, slug, price, updated_at) VALUES (gen_random_uuid(), $1, 'OTHER-1', 'Theirs', 'theirs', 5, now())`,
      [otherStoreId],
    );
  }, 120000);

  const extra: Running[] = [];

  afterAll(async () => {
    await Promise.all(extra.map((r) => r.stop()));
    await catalog?.end();
    await analytics?.end();
    await stack?.stop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  let firstJobId: string;

  it('reports each bad row of a CSV at its row and column, writes every good row once, exactly as written', async () => {
    const job = await importProducts({ name: 'products.csv', body: csvOf(rows.map(cellsOf)) });
    firstJobId = job.id;
    expect(job).toMatchObject({ status: 'COMPLETED', fileFormat: 'CSV', processedRecords: rows.length, totalRecords: rows.length });
    expect([job.successCount, job.failureCount, job.warningCount, job.progressPercent]).toEqual([GOOD, BAD.length, 1, 100]);
    const errors = await allErrors(job.id);
    expect(reported(errors)).toEqual(expectedErrors());
    const warning = errors.find((e) => e.severity === 'WARNING');
    expect(warning).toMatchObject({ rowNumber: 1, columnName: 'colour', errorCode: 'UNKNOWN_COLUMN' });
    const negative = errors.find((e) => e.errorCode === 'NEGATIVE_AMOUNT');
    expect(negative).toMatchObject({ rowNumber: 5, fieldPath: 'price', errorType: 'VALIDATION', originalValue: '-5.00' });
    expect(negative?.expectedFormat).toBeTruthy();
    expect(errors.find((e) => e.errorCode === 'NOT_A_NUMBER')).toMatchObject({ errorType: 'FORMAT', suggestion: expect.any(String) });
    expect(errors.find((e) => e.errorCode === 'UNKNOWN_CATEGORY')).toMatchObject({
      errorType: 'CONSTRAINT',
      originalValue: 'mugs|no-such-category',
    });
    expect((await allErrors(job.id, seller.token, '&severity=WARNING')).map((e) => e.errorCode)).toEqual(['UNKNOWN_COLUMN']);

    const stored = await products('G-');
    expect(stored.map((p) => p.sku)).toEqual(['G-001', 'G-002', 'G-003', 'G-004', 'G-005', 'G-006', 'G-007']);
    const by = Object.fromEntries(stored.map((p) => [p.sku, p]));
    expect(by['G-001']).toMatchObject({ name: 'Plain mug', price: '12.50', stock: 10, status: 'ACTIVE', categories: ['mugs'], storeId });
    expect(by['G-002']).toMatchObject({ name: 'Quoted, comma mug', comparePrice: '15.00' });
    expect(by['G-003'].description).toBe('Line one\nLine two, "quoted"');
    expect(by['G-004'].name).toBe("Baker's mug");
    expect(by['G-005']).toMatchObject({ name: 'Café 茶 кружка', tags: ['ünï', 'çødé'] });
    expect(by['G-006']).toMatchObject({ price: '0.50', tags: ['a', 'b'], categories: ['mugs', 'tees'] });
    expect(by['G-007']).toMatchObject({ price: '99999999.99', status: 'DRAFT' });
    expect((await products('B-')).length).toBe(0);
    expect((await catalog.query(`SELECT name FROM products WHERE sku = 'OTHER-1'`)).rows).toEqual([{ name: 'Theirs' }]);
    // Every created product was announced like one created through the API.
    expect(
      Number((await catalog.query(`SELECT count(*) FROM outbox_event WHERE subject = 'evt.catalog.product.created'`)).rows[0].count),
    ).toBeGreaterThanOrEqual(GOOD);

    // The error report: every error and warning, by row.
    const link = await get(`/imports/${job.id}/error-report`, seller.token);
    expect(link.status).toBe(200);
    const report: Cells[] = parse(Buffer.from(await (await fetch(`${stack.base}${link.body.url}`)).arrayBuffer()), {
      columns: true,
      bom: true,
    });
    expect(report.length).toBe(errors.length);
    expect(report.map((r) => [Number(r.rowNumber), r.columnName, r.errorCode]).filter((r: unknown[]) => r[2] !== 'UNKNOWN_COLUMN')).toEqual(
      expectedErrors(),
    );
  }, 60000);

  it('the same file again creates nothing new; EXCEL, JSON and XML of the same data give the same result', async () => {
    const before = await products('G-');
    const files = [
      { name: 'again.csv', body: csvOf(rows.map(cellsOf)) },
      { name: 'products.xlsx', body: await excelOf(rows.map(cellsOf)) },
      { name: 'products.json', body: jsonOf(rows.map(cellsOf)) },
      { name: 'products.xml', body: xmlOf(rows.map(cellsOf)) },
    ];
    for (const file of files) {
      const job = await importProducts(file);
      expect([file.name, job.status, job.successCount, job.failureCount, job.warningCount]).toEqual([
        file.name,
        'COMPLETED',
        GOOD,
        BAD.length,
        1,
      ]);
      expect(reported(await allErrors(job.id))).toEqual(expectedErrors());
    }
    const after = await products('G-');
    expect(after.map((p) => [p.id, p.sku, p.name, p.price, p.description, p.categories])).toEqual(
      before.map((p) => [p.id, p.sku, p.name, p.price, p.description, p.categories]),
    );
    expect(Number((await catalog.query(`SELECT count(*) FROM products`)).rows[0].count)).toBe(GOOD + 1);
  }, 90000);

  it('a dry run validates against the database and writes nothing', async () => {
    const file = csvOf([base('D-001'), base('D-002'), { ...base('D-003'), categories: 'nope' }, { ...base('G-001'), name: 'Renamed?' }]);
    const job = await importProducts({ name: 'dry.csv', body: file }, { dryRun: 'true' });
    expect([job.status, job.dryRun, job.successCount, job.failureCount]).toEqual(['COMPLETED', true, 3, 1]);
    expect(reported(await allErrors(job.id))).toEqual([[4, 'categories', 'UNKNOWN_CATEGORY']]);
    expect(await products('D-')).toEqual([]);
    expect((await products('G-001'))[0].name).toBe('Plain mug');
  }, 30000);

  it('a file over the limit is 413 problem+json and leaves no job; an unreadable file fails its job with the reason', async () => {
    const before = (await get('/imports?limit=100', seller.token)).body.items.length;
    const big = await upload(seller.token, { name: 'big.csv', body: Buffer.alloc(400000, 'a') }, { entityType: 'PRODUCT', storeId });
    expect([big.status, big.body.code]).toEqual([413, 'IMPORTS.FILE_TOO_LARGE']);
    expect((await get('/imports?limit=100', seller.token)).body.items.length).toBe(before);

    const noFormat = await upload(seller.token, { name: 'data.bin', body: 'x' }, { entityType: 'PRODUCT' });
    expect([noFormat.status, noFormat.body.errors?.[0]?.field]).toEqual([400, 'fileFormat']);

    const xlsx = await importProducts({ name: 'broken.xlsx', body: Buffer.from('PK\u0003\u0004 this is not really a zip archive') });
    expect(xlsx.status).toBe('FAILED');
    expect(xlsx.failureReason).toMatch(/Excel/);
    const csv = await importProducts({ name: 'broken.csv', body: 'sku,name,price\nA,"never closed,1\n' });
    expect([csv.status, csv.failureReason]).toEqual(['FAILED', expect.stringMatching(/CSV/)]);
    const json = await importProducts({ name: 'broken.json', body: '{"sku": "A"}' });
    expect([json.status, json.failureReason]).toEqual(['FAILED', expect.stringMatching(/array of objects/)]);
    const wrong = await importProducts({ name: 'wrong.csv', body: 'a,b\n1,2\n' });
    expect([wrong.status, wrong.failureReason]).toEqual(['FAILED', expect.stringMatching(/None of the file's columns/)]);
  }, 60000);

  it('cancel stops a running job at a batch boundary; what was written stays', async () => {
    const many = Array.from({ length: 300 }, (_, i) => base(`C-${String(i).padStart(4, '0')}`));
    const started = await upload(seller.token, { name: 'many.csv', body: csvOf(many) }, { entityType: 'PRODUCT', storeId });
    await eventually(
      () => get(`/imports/${started.body.id}`, seller.token),
      (r) => r.body.processedRecords > 0,
      20000,
    );
    const cancelled = await call('POST', `/imports/${started.body.id}/cancel`, { token: seller.token });
    expect(cancelled.status).toBe(200);
    const job = await finished(started.body.id);
    expect(job.status).toBe('CANCELLED');
    expect(job.processedRecords).toBeLessThan(300);
    expect(job.processedRecords % 5).toBe(0);
    expect((await products('C-')).length).toBe(job.successCount);
    expect((await call('POST', `/imports/${started.body.id}/cancel`, { token: otherSeller.token })).status).toBe(404);
  }, 40000);

  it('claims URGENT before NORMAL before LOW, then the oldest first', async () => {
    const {
      rows: [source],
    } = await analytics.query(`SELECT file_url, options, file_size, created_by FROM import_export_jobs WHERE id = $1`, [firstJobId]);
    const options = { ...source.options, dryRun: true };
    const { rows } = await analytics.query(
      `INSERT INTO import_export_jobs (id, type, entity_type, status, priority, file_name, file_format, file_size, file_url, options, created_by, created_at, updated_at)
       SELECT 'prio-' || p.name, 'IMPORT', 'PRODUCT', 'QUEUED', p.priority::"JobPriority", 'p.csv', 'CSV', $1, $2, $3, $4, now() + p.offs * interval '1 ms', now()
         FROM (VALUES ('low', 'LOW', 0), ('normal-old', 'NORMAL', 1), ('normal-new', 'NORMAL', 2), ('urgent', 'URGENT', 3)) AS p(name, priority, offs)
       RETURNING id`,
      [source.file_size, source.file_url, JSON.stringify(options), source.created_by],
    );
    expect(rows.length).toBe(4);
    const done = await eventually(
      () => analytics.query(`SELECT id, status, started_at FROM import_export_jobs WHERE id LIKE 'prio-%' ORDER BY started_at`),
      (r) => r.rows.every((j) => j.status === 'COMPLETED'),
      40000,
    );
    expect(done.rows.map((j) => j.id)).toEqual(['prio-urgent', 'prio-normal-old', 'prio-normal-new', 'prio-low']);
  }, 60000);

  it('a job whose worker died (stale heartbeat) is resumed after the records it had done, or failed after too many takeovers', async () => {
    const resumeRows = Array.from({ length: 12 }, (_, i) => base(`S-${String(i + 1).padStart(3, '0')}`));
    const dry = await importProducts({ name: 'stale.csv', body: csvOf(resumeRows) }, { dryRun: 'true' });
    const {
      rows: [source],
    } = await analytics.query(`SELECT file_url, options, file_size, created_by FROM import_export_jobs WHERE id = $1`, [dry.id]);
    const insert = (id: string, resumes: number) =>
      analytics.query(
        `INSERT INTO import_export_jobs (id, type, entity_type, status, file_name, file_format, file_size, file_url, options, created_by,
                                         processed_records, success_count, started_at, heartbeat_at, updated_at)
         VALUES ($1, 'IMPORT', 'PRODUCT', 'PROCESSING', 'stale.csv', 'CSV', $2, $3, $4, $5, 5, 5, now() - interval '1 hour', now() - interval '1 hour', now())`,
        [id, source.file_size, source.file_url, JSON.stringify({ ...source.options, dryRun: false, resumes }), source.created_by],
      );
    await insert('stale-resumed', 0);
    await insert('stale-given-up', 2);
    const resumed = await finished('stale-resumed');
    expect([resumed.status, resumed.processedRecords, resumed.successCount, resumed.failureCount]).toEqual(['COMPLETED', 12, 12, 0]);
    // The dead worker had done rows 1-5 (here: nothing was really written for them): only 6-12 were sent again.
    expect((await products('S-')).map((p) => p.sku)).toEqual(resumeRows.slice(5).map((r) => r.sku));
    const {
      rows: [opts],
    } = await analytics.query(`SELECT options->>'resumes' AS resumes FROM import_export_jobs WHERE id = 'stale-resumed'`);
    expect(opts.resumes).toBe('1');
    const givenUp = await finished('stale-given-up');
    expect([givenUp.status, givenUp.failureReason]).toEqual(['FAILED', expect.stringMatching(/stopped 3 times/)]);
  }, 40000);

  it('templates: CRUD with a header mapping used by an import, built-in defaults and sample files in every format', async () => {
    const created = await call('POST', '/import-templates', {
      token: seller.token,
      body: {
        name: 'Our ERP export',
        entityType: 'PRODUCT',
        fileFormat: 'CSV',
        headers: { Article: 'sku', Title: 'name', 'Unit price': 'price' },
        sampleData: [{ Article: 'T-1', Title: 'Sample', 'Unit price': '1.00' }],
        validation: { stock: { required: true } },
      },
    });
    expect(created.status).toBe(201);
    const template = await json(created);
    const unknown = await call('POST', '/import-templates', {
      token: seller.token,
      body: { name: 'Bad', entityType: 'PRODUCT', fileFormat: 'CSV', headers: { X: 'colour' } },
    });
    expect([unknown.status, (await json(unknown)).errors?.[0]?.field]).toEqual([400, 'headers']);

    const job = await importProducts(
      { name: 'erp.csv', body: 'Article,Title,Unit price,stock\nT-001,Template row,3.30,4\nT-002,No stock,1.00,\n' },
      { templateId: template.id },
    );
    expect([job.status, job.successCount, job.failureCount, job.templateId]).toEqual(['COMPLETED', 1, 1, template.id]);
    expect(reported(await allErrors(job.id))).toEqual([[3, 'stock', 'REQUIRED']]);
    expect((await products('T-'))[0]).toMatchObject({ sku: 'T-001', name: 'Template row', price: '3.30', stock: 4 });

    const patched = await call('PATCH', `/import-templates/${template.id}`, { token: seller.token, body: { name: 'Renamed' } });
    expect([patched.status, (await json(patched)).name]).toEqual([200, 'Renamed']);
    expect((await call('PATCH', `/import-templates/${template.id}`, { token: otherSeller.token, body: { name: 'Mine' } })).status).toBe(
      404,
    );
    expect((await get(`/import-templates?entityType=PRODUCT`, otherSeller.token)).body.items.map((t: { id: string }) => t.id)).toContain(
      template.id,
    );
    expect((await call('DELETE', `/import-templates/${template.id}`, { token: seller.token })).status).toBe(403);

    const defaults = await get('/import-templates/defaults?entityType=PRODUCT', seller.token);
    expect(defaults.body.map((t: { id: string }) => t.id)).toEqual([
      'default-product-csv',
      'default-product-excel',
      'default-product-json',
      'default-product-xml',
    ]);
    const download = async (id: string) => {
      const link = await get(`/import-templates/${id}/sample`, seller.token);
      expect(link.status).toBe(200);
      return Buffer.from(await (await fetch(`${stack.base}${link.body.url}`)).arrayBuffer());
    };
    expect(parse(await download(template.id), { columns: true })).toEqual([{ Article: 'T-1', Title: 'Sample', 'Unit price': '1.00' }]);
    expect(JSON.parse((await download('default-product-json')).toString())[0]).toMatchObject({ sku: 'MUG-OYSTER-11', price: '14.90' });
    expect((await download('default-product-xml')).toString()).toContain('<sku>MUG-OYSTER-11</sku>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('default-product-excel')) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe('MUG-OYSTER-11');
    // A sample file of a default template imports as it is (a dry run: no store column needed beyond the upload's).
    const sample = await importProducts(
      { name: 'sample.csv', body: await download('default-product-csv') },
      { dryRun: 'true', templateId: 'default-product-csv' },
    );
    expect([sample.status, sample.successCount, sample.failureCount]).toEqual(['COMPLETED', 2, 0]);
    expect((await get('/import-templates/default-transaction-csv', seller.token)).status).toBe(200);
    expect((await get('/import-templates/default-nothing-csv', seller.token)).status).toBe(404);
    const admin = await root();
    expect((await call('DELETE', `/import-templates/${template.id}`, { token: admin.token })).status).toBe(200);
  }, 60000);

  it('categories upsert by slug with parents by slug; the SSE stream reports progress then done', async () => {
    const admin = await root();
    const csv =
      'slug,name,parentSlug,sortOrder\nmushrooms,Mushrooms,,1\noyster,Oyster,mushrooms,2\norphan,Orphan,missing-parent,3\nBad Slug,Bad,,4\n';
    const first = await upload(admin.token, { name: 'categories.csv', body: csv }, { entityType: 'CATEGORY' });
    const job = await finished(first.body.id, admin.token);
    expect([job.status, job.successCount, job.failureCount]).toEqual(['COMPLETED', 2, 2]);
    expect(reported(await allErrors(job.id, admin.token))).toEqual([
      [4, 'parentSlug', 'UNKNOWN_PARENT'],
      [5, 'slug', 'PATTERN_MISMATCH'],
    ]);
    const again = await finished(
      (await upload(admin.token, { name: 'categories.csv', body: csv.replace('Oyster,', 'Oyster mushrooms,') }, { entityType: 'CATEGORY' }))
        .body.id,
      admin.token,
    );
    expect(again.successCount).toBe(2);
    const { rows: cats } = await catalog.query(
      `SELECT c.slug, c.name, p.slug AS parent FROM categories c LEFT JOIN categories p ON p.id = c.parent_id WHERE c.slug IN ('mushrooms', 'oyster') ORDER BY c.slug`,
    );
    expect(cats).toEqual([
      { slug: 'mushrooms', name: 'Mushrooms', parent: null },
      { slug: 'oyster', name: 'Oyster mushrooms', parent: 'mushrooms' },
    ]);

    const stream = await fetch(`${stack.base}/api/v1/imports/${job.id}/stream`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect([stream.status, stream.headers.get('content-type')]).toEqual([200, 'text/event-stream; charset=utf-8']);
    const text = await stream.text();
    expect(text).toMatch(/event: progress\ndata: \{.*"status":"COMPLETED"/);
    expect(text).toMatch(/event: done\n/);
  }, 60000);

  it("roles: no import permission is 403, another user's job is 404, a seller cannot import categories", async () => {
    expect((await upload(designer.token, { name: 'x.csv', body: 'sku\nA\n' }, { entityType: 'PRODUCT' })).status).toBe(403);
    expect((await get('/imports', designer.token)).status).toBe(403);
    expect((await get(`/imports/${firstJobId}`, otherSeller.token)).status).toBe(404);
    expect((await get(`/imports/${firstJobId}/errors`, otherSeller.token)).status).toBe(404);
    expect((await get(`/imports/${firstJobId}/error-report`, otherSeller.token)).status).toBe(404);
    expect(
      (await fetch(`${stack.base}/api/v1/imports/${firstJobId}/stream`, { headers: { authorization: `Bearer ${otherSeller.token}` } }))
        .status,
    ).toBe(404);
    expect((await get('/imports?limit=100', otherSeller.token)).body.items).toEqual([]);
    const admin = await root();
    expect((await get(`/imports/${firstJobId}`, admin.token)).status).toBe(200);
    const categories = await upload(seller.token, { name: 'c.csv', body: 'slug,name\na,A\n' }, { entityType: 'CATEGORY' });
    expect(categories.status).toBe(403);
    expect((await call('POST', '/imports', { token: (await account()).token, body: {} })).status).toBe(403);
  }, 30000);

  it('inventory sets variant stock, price and activity by code; people upsert by email with roles only added', async () => {
    const { rows: made } = await catalog.query(
      `INSERT INTO products (id, store_id, sku, name, slug, price, updated_at) VALUES (gen_random_uuid(), $1, 'INV-1', 'Inventoried', 'inventoried', 5, now()) RETURNING id`,
      [storeId],
    );
    await catalog.query(
      `INSERT INTO system_variants (id, code, product_id, price, stock, updated_at) VALUES
         (gen_random_uuid(), 'INVA1', $1, 5, 3, now()), (gen_random_uuid(), 'INVA2', $1, 5, 7, now()),
         (gen_random_uuid(), 'INVB1', (SELECT id FROM products WHERE sku = 'OTHER-1'), 5, 9, now())`,
      [made[0].id],
    );
    const inventory = 'code,stock,price,isActive\nINVA1,40,,\ninva2,0,6.50,false\nINVB1,1,,\nZZZZZ,1,,\nAB,1,,\nINVA1,2,,\n';
    const started = await upload(seller.token, { name: 'inventory.csv', body: inventory }, { entityType: 'INVENTORY' });
    const job = await finished(started.body.id);
    expect([job.status, job.successCount, job.failureCount]).toEqual(['COMPLETED', 2, 4]);
    expect(reported(await allErrors(job.id))).toEqual([
      [4, 'code', 'VARIANT_NOT_FOUND'],
      [5, 'code', 'VARIANT_NOT_FOUND'],
      [6, 'code', 'PATTERN_MISMATCH'],
      [7, 'code', 'DUPLICATE_IN_FILE'],
    ]);
    const { rows: variants } = await catalog.query(
      `SELECT code, stock, price::text AS price, is_active AS "isActive" FROM system_variants WHERE code LIKE 'INV%' ORDER BY code`,
    );
    expect(variants).toEqual([
      { code: 'INVA1', stock: 40, price: '5.00', isActive: true },
      { code: 'INVA2', stock: 0, price: '6.50', isActive: false },
      { code: 'INVB1', stock: 9, price: '5.00', isActive: true },
    ]);

    // People: a seller may not import them at all; an admin creates, updates and grants, never removes.
    expect((await upload(seller.token, { name: 'u.csv', body: 'email\na@b.co\n' }, { entityType: 'USER' })).status).toBe(403);
    const admin = await root();
    const identity = await stack.db('identity');
    const people = [
      'email,firstName,lastName,roles,phoneNumber',
      'Grower.One@Example.com,Grace,Grower,GROWER,+639171234567',
      `${designer.email},,Renamed,FINANCE,`,
      'not-an-email,X,,,',
      'nobody@example.com,,,NO_SUCH_ROLE,',
      'phone@example.com,,,,12345',
    ].join('\n');
    const peopleJob = await finished(
      (await upload(admin.token, { name: 'people.csv', body: people }, { entityType: 'USER' })).body.id,
      admin.token,
    );
    expect([peopleJob.status, peopleJob.successCount, peopleJob.failureCount]).toEqual(['COMPLETED', 2, 3]);
    expect(reported(await allErrors(peopleJob.id, admin.token))).toEqual([
      [4, 'email', 'NOT_AN_EMAIL'],
      [5, 'roles', 'UNKNOWN_ROLE'],
      [6, 'phoneNumber', 'PATTERN_MISMATCH'],
    ]);
    const rolesOf = async (email: string) =>
      (
        await identity.query(
          `SELECT u.first_name AS "firstName", u.last_name AS "lastName", u.password IS NULL AS "noPassword", array_agg(r.name ORDER BY r.name) AS roles
             FROM users u JOIN user_role_assignments ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.email = $1 GROUP BY u.id`,
          [email],
        )
      ).rows[0];
    expect(await rolesOf('grower.one@example.com')).toEqual({
      firstName: 'Grace',
      lastName: 'Grower',
      noPassword: true,
      roles: ['GROWER', 'USER'],
    });
    expect(await rolesOf(designer.email)).toMatchObject({
      lastName: 'Renamed',
      noPassword: false,
      roles: expect.arrayContaining(['DESIGNER', 'FINANCE']),
    });
    const sellers = await finished(
      (
        await upload(
          admin.token,
          { name: 's.csv', body: 'email,firstName\ngrower.one@example.com,Grace\nnew.seller@example.com,Sam\n' },
          { entityType: 'SELLER' },
        )
      ).body.id,
      admin.token,
    );
    expect([sellers.status, sellers.successCount]).toEqual(['COMPLETED', 2]);
    expect((await rolesOf('grower.one@example.com')).roles).toEqual(['GROWER', 'SELLER', 'USER']);
    expect((await rolesOf('new.seller@example.com')).roles).toEqual(['SELLER', 'USER']);
    expect((await identity.query(`SELECT count(*)::int AS n FROM users WHERE email = 'grower.one@example.com'`)).rows).toEqual([{ n: 1 }]);
  }, 60000);

  it('orders: one order per row, written as the marketplace import writes them; a second import changes nothing', async () => {
    await catalog.query(
      `INSERT INTO products (id, store_id, sku, name, slug, price, status, updated_at) VALUES
         (gen_random_uuid(), $1, 'ORDP-1', 'Oyster mug', 'ordp-1', 14.90, 'ACTIVE', now()),
         (gen_random_uuid(), $1, 'ORDP-2', 'Spore tee', 'ordp-2', 5, 'ACTIVE', now())`,
      [storeId],
    );
    const address = 'Maria Santos,12 Mabini St,Makati,1200';
    const file = [
      'platformOrderId,items,shipping,buyerEmail,shipName,shipStreet1,shipCity,shipPostalCode,shipCountry,storeId',
      `ORD-1001,ORDP-1*2@14.90|ORDP-2*1@5.00,60.00,maria@example.com,${address},Philippines,`,
      `ORD-1002,NOPE*1@1.00,,,${address},PH,`,
      `ORD-1003,ORDP-1 x2,,,${address},PH,`,
      `ORD-1004,ORDP-1*1@14.90,,,${address},Atlantis,`,
      `ORD-1005,ORDP-1*1@14.90,,,${address},PH,${otherStoreId}`,
    ].join('\n');
    const job = await finished((await upload(seller.token, { name: 'orders.csv', body: file }, { entityType: 'ORDER', storeId })).body.id);
    expect([job.status, job.successCount, job.failureCount]).toEqual(['COMPLETED', 1, 4]);
    expect(reported(await allErrors(job.id))).toEqual([
      [3, 'items', 'UNKNOWN_SKU'],
      [4, 'items', 'BAD_ORDER_LINES'],
      [5, 'shipCountry', 'UNKNOWN_COUNTRY'],
      [6, 'storeId', 'STORE_NOT_FOUND'],
    ]);
    const orders = await stack.db('orders');
    const stored = async () =>
      (
        await orders.query(
          `SELECT o.platform_order_id AS "platformOrderId", o.status::text AS status, o.payment_status::text AS "paymentStatus",
                  o.channel::text AS channel, o.total::text AS total, o.shipping_address->>'country' AS country,
                  (SELECT array_agg(i.sku || ' x' || i.quantity || ' ' || i.name ORDER BY i.sku) FROM order_items i WHERE i.order_id = o.id) AS lines
             FROM orders o WHERE o.store_id = $1 ORDER BY o.platform_order_id`,
          [storeId],
        )
      ).rows;
    expect(await stored()).toEqual([
      {
        platformOrderId: 'ORD-1001',
        status: 'CONFIRMED',
        paymentStatus: 'PAID',
        channel: 'SHOPIFY',
        total: '94.80',
        country: 'PH',
        lines: ['ORDP-1 x2 Oyster mug', 'ORDP-2 x1 Spore tee'],
      },
    ]);
    const again = await finished(
      (await upload(seller.token, { name: 'orders.csv', body: file }, { entityType: 'ORDER', storeId })).body.id,
    );
    expect([again.successCount, again.warningCount]).toEqual([1, 1]);
    expect((await allErrors(again.id, seller.token, '&severity=WARNING')).map((e) => e.errorCode)).toEqual(['ALREADY_IMPORTED']);
    expect(await stored()).toHaveLength(1);
  }, 60000);

  it('transactions: fees, commissions and adjustments of visible orders by reference; a second import updates them', async () => {
    await catalog.query(
      `INSERT INTO products (id, store_id, sku, name, slug, price, status, updated_at)
       VALUES (gen_random_uuid(), $1, 'TXP-1', 'Lion mane mug', 'txp-1', 20.00, 'ACTIVE', now())`,
      [storeId],
    );
    const orderFile =
      'platformOrderId,items,shipName,shipStreet1,shipCity,shipPostalCode,shipCountry\nTX-ORD-1,TXP-1*2@20.00,Ana,1 Pine St,Cebu,6000,PH\n';
    const orderJob = await finished(
      (await upload(seller.token, { name: 'o.csv', body: orderFile }, { entityType: 'ORDER', storeId })).body.id,
    );
    expect([orderJob.status, orderJob.successCount]).toEqual(['COMPLETED', 1]);
    const orders = await stack.db('orders');
    const [{ id: orderId, order_code: code }] = (
      await orders.query(`SELECT id, order_code FROM orders WHERE platform_order_id = 'TX-ORD-1' AND store_id = $1`, [storeId])
    ).rows;
    const admin = (await root()).token;
    const file = [
      'reference,orderCode,type,amount,currency,status,createdAt,note',
      `STL-1,${code},COMMISSION,3.20,,,2026-12-01T10:00:00Z,TikTok Shop commission 8%`,
      `STL-2,${code},ADJUSTMENT,-1.50,PHP,PENDING,,"shipping fee, partly waived"`,
      `STL-3,${code},REFUND,5.00,,,,`,
      `STL-4,${code},FEE,-2.00,,,,`,
      `STL-5,NOSUCHORD,FEE,1.00,,,,`,
      `STL-6,${code},FEE,1.00,USD,,,`,
      `STL-7,${code},FEE,1.005,,,,`,
    ].join('\n');
    const job = await finished((await upload(admin, { name: 'settlement.csv', body: file }, { entityType: 'TRANSACTION' })).body.id, admin);
    expect([job.status, job.successCount, job.failureCount]).toEqual(['COMPLETED', 2, 5]);
    expect(reported(await allErrors(job.id, admin))).toEqual([
      [4, 'type', 'NOT_ALLOWED'],
      [5, 'amount', 'NEGATIVE_AMOUNT'],
      [6, 'orderCode', 'ORDER_NOT_FOUND'],
      [7, 'currency', 'CURRENCY_MISMATCH'],
      [8, 'amount', 'NOT_A_NUMBER'],
    ]);
    const stored = async () =>
      (
        await orders.query(
          `SELECT reference, type::text, amount::text, currency, status::text, metadata->>'note' AS note, created_at
             FROM transactions WHERE order_id = $1 ORDER BY reference`,
          [orderId],
        )
      ).rows;
    expect(await stored()).toEqual([
      {
        reference: 'STL-1',
        type: 'COMMISSION',
        amount: '3.20',
        currency: 'PHP',
        status: 'COMPLETED',
        note: 'TikTok Shop commission 8%',
        created_at: new Date('2026-12-01T10:00:00Z'),
      },
      {
        reference: 'STL-2',
        type: 'ADJUSTMENT',
        amount: '-1.50',
        currency: 'PHP',
        status: 'PENDING',
        note: 'shipping fee, partly waived',
        created_at: expect.any(Date),
      },
    ]);

    const corrected = file.replace('ADJUSTMENT,-1.50,PHP,PENDING', 'ADJUSTMENT,-1.75,PHP,COMPLETED');
    const again = await finished(
      (await upload(admin, { name: 'settlement.csv', body: corrected }, { entityType: 'TRANSACTION' })).body.id,
      admin,
    );
    expect([again.status, again.successCount, again.failureCount]).toEqual(['COMPLETED', 2, 5]);
    expect((await stored()).map((r) => [r.reference, r.amount, r.status])).toEqual([
      ['STL-1', '3.20', 'COMPLETED'],
      ['STL-2', '-1.75', 'COMPLETED'],
    ]);

    // A seller holds no payments permission: the upload is refused before a job exists.
    const refused = await upload(seller.token, { name: 's.csv', body: file }, { entityType: 'TRANSACTION' });
    expect([refused.status, refused.body.detail]).toEqual([403, expect.stringMatching(/payments:create/)]);
    expect(await stored()).toHaveLength(2);
  }, 90000);

  it('a killed analytics process: the job is resumed by the next one and every row is written once', async () => {
    const many = Array.from({ length: 600 }, (_, i) => base(`K-${String(i).padStart(4, '0')}`));
    const started = await upload(seller.token, { name: 'killed.csv', body: csvOf(many) }, { entityType: 'PRODUCT', storeId });
    await eventually(
      () => get(`/imports/${started.body.id}`, seller.token),
      (r) => r.body.processedRecords >= 10,
      30000,
    );
    stack.services.analytics.child.kill('SIGKILL');
    const {
      rows: [left],
    } = await analytics.query(`SELECT status, processed_records FROM import_export_jobs WHERE id = $1`, [started.body.id]);
    expect(left.status).toBe('PROCESSING');
    expect(left.processed_records).toBeLessThan(600);
    extra.push(startService('analytics', { ...stack.env, PORT: String(await freePort()) }));
    const job = await eventually(
      () =>
        analytics.query(
          `SELECT status, processed_records, success_count, failure_count, options->>'resumes' AS resumes FROM import_export_jobs WHERE id = $1`,
          [started.body.id],
        ),
      (r) => r.rows[0].status !== 'PROCESSING',
      90000,
    );
    expect(job.rows[0]).toEqual({ status: 'COMPLETED', processed_records: 600, success_count: 600, failure_count: 0, resumes: '1' });
    expect((await products('K-')).length).toBe(600);
  }, 150000);
});
