import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { startTestSmtpServer, type TestSmtpServer } from '@suite/platform/testing';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually, freePort, Running, startService } from './processes';
import { json, Stack, startStack } from './stack';

const run = promisify(execFile);

/** The PDF's text through pdfjs-dist, in a child process: pdfjs is an ES module jest's CommonJS runtime cannot load. */
async function pdfText(bytes: Buffer): Promise<string> {
  const file = join(tmpdir(), `report-${randomUUID()}.pdf`);
  await writeFile(file, bytes);
  const script = `
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array((await import('node:fs')).readFileSync(process.argv[1])) }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) text += (await (await doc.getPage(i)).getTextContent()).items.map((t) => t.str).join(' ') + '\\n';
    process.stdout.write(text);`;
  try {
    return (await run(process.execPath, ['--input-type=module', '-e', script, file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } finally {
    await rm(file, { force: true });
  }
}

/** Reports over AnalyticsEvent rows: four formats read back, schedules across two replicas and a downtime, cancel, mail, links, access. */
describe('analytics: reports', () => {
  let stack: Stack;
  let db: Client;
  let smtp: TestSmtpServer;
  let filesDir: string;
  let finance: Account;
  const extra: Running[] = [];
  const client = identityClient(() => stack);
  const { call, account } = client;
  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, options);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const teamA = randomUUID();
  const teamB = randomUUID();
  const storeA = randomUUID();
  const storeB = randomUUID();

  /** Order events as the orders service publishes them, recorded as analytics records every event. */
  const orders = Array.from({ length: 8 }, (_, i) => ({
    orderCode: `ORD${String(i).padStart(6, '0')}`,
    storeId: i < 5 ? storeA : storeB,
    teamId: i < 5 ? teamA : teamB,
    total: `${10 + i}.${String(i * 7).padStart(2, '0')}`,
    at: new Date(Date.UTC(2026, 10, 20, 8, i)),
  }));

  const insertEvents = async (rows: typeof orders, status = 'CONFIRMED') => {
    for (const o of rows) {
      await db.query(
        `INSERT INTO analytics_event (id, event_type, entity_type, entity_id, metadata, user_id, timestamp)
         VALUES ($1::uuid, 'evt.orders.order.placed', 'order', $1::text, $2, NULL, $3)`,
        [
          randomUUID(),
          JSON.stringify({ orderCode: o.orderCode, storeId: o.storeId, teamId: o.teamId, total: o.total, currency: 'PHP', status }),
          o.at,
        ],
      );
    }
  };

  const createReport = async (body: Record<string, unknown>, token = finance.token) => {
    const created = await send('POST', '/reports', { token, body });
    expect(created.status).toBe(201);
    return created.body;
  };
  const runReport = async (reportId: string) => {
    const started = await send('POST', `/reports/${reportId}/executions`, { token: finance.token });
    expect([started.status, started.body.status]).toEqual([202, 'PENDING']);
    return started.body.id as string;
  };
  const finished = (reportId: string, executionId: string) =>
    eventually(
      () => send('GET', `/reports/${reportId}/executions/${executionId}`, { token: finance.token }),
      (r) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.body?.status),
      60000,
    ).then((r) => r.body);
  const download = async (url: string) => {
    const response = await fetch(`${stack.base}${url}`);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  const ordersReport = (format: string, extraConfig: Record<string, unknown> = {}) => ({
    name: `Orders of team A (${format})`,
    type: 'ORDERS',
    format,
    teamId: teamA,
    configuration: {
      filters: { eventTypes: ['evt.orders.order.placed'], from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' },
      columns: ['orderCode', 'storeId', 'total'],
      sort: [{ column: 'orderCode', direction: 'asc' }],
      ...extraConfig,
    },
  });
  const teamAOrders = () => orders.filter((o) => o.teamId === teamA);
  const sumOf = (rows: typeof orders) => rows.reduce((n, o) => n + Math.round(Number(o.total) * 100), 0) / 100;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    filesDir = await mkdtemp(join(tmpdir(), 'report-files-'));
    stack = await startStack(['identity', 'analytics', 'alerting'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      SMTP_URL: smtp.url,
      FILE_STORE_DIR: filesDir,
      REPORT_SCHEDULER_TICK_MS: '200',
      REPORT_WORKER_POLL_MS: '100',
      REPORT_BATCH_ROWS: '500',
      REPORT_INLINE_MAX_ROWS: '3',
      REPORT_LINK_TTL_SECONDS: '4',
      NATS_REQUEST_TIMEOUT_MS: '10000',
    });
    db = await stack.db('analytics');
    await insertEvents(orders);
    finance = await account(['FINANCE', 'USER'], 'finance');
  }, 90000);

  afterAll(async () => {
    await Promise.all(extra.map((r) => r.stop()));
    await stack?.stop();
    await smtp?.stop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it("writes CSV, EXCEL, PDF and JSON that real readers open, holding exactly the team's stored events", async () => {
    const expected = teamAOrders();
    const csvReport = await createReport(ordersReport('CSV'));
    const csv = await finished(csvReport.id, await runReport(csvReport.id));
    expect([csv.status, csv.rowCount, csv.resultData]).toEqual(['COMPLETED', 5, null]);
    expect(csv.duration).toBeGreaterThanOrEqual(0);
    const rows = parse(await download(csv.downloadUrl), { columns: true });
    expect(rows).toEqual(expected.map((o) => ({ Order: o.orderCode, Store: o.storeId, Total: o.total })));

    const xlsxReport = await createReport(ordersReport('EXCEL'));
    const xlsx = await finished(xlsxReport.id, await runReport(xlsxReport.id));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(xlsx.downloadUrl)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = sheet.getSheetValues().slice(1) as unknown[][];
    expect(values[0].slice(1)).toEqual(['Order', 'Store', 'Total']);
    expect(values.slice(1, -1).map((r) => r.slice(1))).toEqual(expected.map((o) => [o.orderCode, o.storeId, Number(o.total)]));
    const last = values[values.length - 1];
    expect([last[1], last[3]]).toEqual(['Total (5 rows)', sumOf(expected)]);

    const pdfReport = await createReport(ordersReport('PDF'));
    const pdf = await finished(pdfReport.id, await runReport(pdfReport.id));
    const text = await pdfText(await download(pdf.downloadUrl));
    expect(text).toContain('Orders of team A (PDF)');
    expect(text).toContain('eventTypes: evt.orders.order.placed');
    for (const o of expected) expect(text).toContain(o.orderCode);
    for (const o of orders.filter((x) => x.teamId !== teamA)) expect(text).not.toContain(o.orderCode);
    expect(text).toContain('Total (5 rows)');
    expect(text).toContain(sumOf(expected).toFixed(2));
    expect(text).toContain('Total by Order'); // the chart's title

    const jsonReport = await createReport(ordersReport('JSON'));
    const big = await finished(jsonReport.id, await runReport(jsonReport.id));
    const parsed = JSON.parse((await download(big.downloadUrl)).toString('utf8'));
    expect(parsed.rows).toEqual(expected.map((o) => ({ orderCode: o.orderCode, storeId: o.storeId, total: o.total })));
    expect(parsed.totals).toEqual({ rowCount: 5, total: sumOf(expected).toFixed(2) });

    // Three rows or fewer stay inline, and a JSON result then has no file at all.
    const small = await createReport(ordersReport('JSON', { limit: 2 }));
    const inline = await finished(small.id, await runReport(small.id));
    expect([inline.downloadUrl, inline.rowCount]).toEqual([null, 2]);
    expect(inline.resultData.rows).toEqual(
      expected.slice(0, 2).map((o) => ({ orderCode: o.orderCode, storeId: o.storeId, total: o.total })),
    );

    // Grouped: one row per store with count and sum, here over every team (a platform-wide report).
    const grouped = await createReport({
      ...ordersReport('JSON', { columns: ['total'], groupBy: ['storeId'], sort: [{ column: 'count', direction: 'desc' }] }),
      teamId: undefined,
    });
    const groups = await finished(grouped.id, await runReport(grouped.id));
    expect(groups.resultData.rows).toEqual([
      { storeId: storeA, count: '5', sum_total: sumOf(expected).toFixed(2) },
      { storeId: storeB, count: '3', sum_total: sumOf(orders.filter((o) => o.teamId === teamB)).toFixed(2) },
    ]);
  }, 120000);

  it('refuses a cron, time zone or configuration that cannot run with 400 naming the field', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const r = await send('POST', '/reports', { token: finance.token, body: { name: 'Bad', type: 'ORDERS', configuration: {}, ...body } });
      expect(r.status).toBe(400);
      return r.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await bad({ schedule: { cron: '61 * * * *' } })).toEqual(['schedule.cron']);
    expect(await bad({ schedule: { cron: '0 7 * * *', timezone: 'Mars/Olympus' } })).toEqual(['schedule.timezone']);
    expect(await bad({ configuration: { columns: ['orderCode', 'humidity'] } })).toEqual(['configuration.columns[1]']);
    expect(await bad({ configuration: { groupBy: ['total'] } })).toEqual(['configuration.groupBy[0]']);
    expect(await bad({ configuration: { filters: { to: 'tomorrow' } } })).toEqual(['configuration.filters.to']);
    const report = await createReport(ordersReport('CSV'));
    const patched = await send('PATCH', `/reports/${report.id}`, {
      token: finance.token,
      body: { configuration: { sort: [{ column: 'nope' }] } },
    });
    expect([patched.status, patched.body.errors[0].field]).toEqual([400, 'configuration.sort[0].column']);
    expect((await db.query('SELECT count(*)::int AS n FROM reports WHERE name = $1', ['Bad'])).rows[0].n).toBe(0);
  });

  it("shows a seller their team's reports only (404 otherwise) and lets only report permissions define and run them", async () => {
    const leader = await account(['LEADER', 'USER'], 'leader');
    const seller = await account(['SELLER', 'USER'], 'seller');
    const team = await send('POST', '/teams', { token: leader.token, body: { name: `Reports team ${randomUUID().slice(0, 6)}` } });
    expect((await send('POST', `/teams/${team.body.id}/members`, { token: leader.token, body: { userId: seller.id } })).status).toBe(201);
    const theirs = await createReport({ ...ordersReport('CSV'), teamId: team.body.id });
    const other = await createReport(ordersReport('CSV'));
    const platformWide = await createReport({ ...ordersReport('CSV'), teamId: undefined });

    await eventually(
      () => send('GET', `/reports/${theirs.id}`, { token: seller.token }),
      (r) => r.status === 200,
      5000,
    );
    expect((await send('GET', `/reports/${other.id}`, { token: seller.token })).status).toBe(404);
    expect((await send('GET', `/reports/${platformWide.id}`, { token: seller.token })).status).toBe(404);
    expect((await send('GET', `/reports/${other.id}/executions`, { token: seller.token })).status).toBe(404);
    expect(
      (await send('POST', `/reports/${other.id}/subscriptions`, { token: seller.token, body: { channel: 'IN_APP', frequency: 'DAILY' } }))
        .status,
    ).toBe(404);
    const listed = await send('GET', '/reports?limit=100', { token: seller.token });
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([theirs.id]);
    // A seller reads reports but neither defines nor runs them.
    expect((await send('POST', '/reports', { token: seller.token, body: ordersReport('CSV') })).status).toBe(403);
    expect((await send('POST', `/reports/${theirs.id}/executions`, { token: seller.token })).status).toBe(403);
    expect((await send('GET', '/reports', {})).status).toBe(401);
    expect((await send('GET', `/reports/${randomUUID()}`, { token: finance.token })).status).toBe(404);
  });

  it('serves a download link until it expires (410), and refuses an altered one (403)', async () => {
    const report = await createReport(ordersReport('CSV'));
    const execution = await finished(report.id, await runReport(report.id));
    const url: string = execution.downloadUrl;
    expect(url).toMatch(/^\/api\/v1\/files\?token=/);
    expect((await fetch(`${stack.base}${url}`)).status).toBe(200);
    const token = url.split('token=')[1];
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ k: `reports/${report.id}/../../etc/passwd`, e: 4102444800 })).toString('base64url');
    expect((await fetch(`${stack.base}/api/v1/files?token=${forged}.${mac}`)).status).toBe(403);
    expect((await fetch(`${stack.base}/api/v1/files?token=${payload}.${mac.slice(0, -2)}xx`)).status).toBe(403);
    await new Promise((r) => setTimeout(r, 4500));
    const expired = await fetch(`${stack.base}${url}`);
    expect([expired.status, expired.headers.get('content-type')]).toEqual([410, 'application/problem+json; charset=utf-8']);
    // Reading the execution again signs a fresh link to the same file.
    const again = await send('GET', `/reports/${report.id}/executions/${execution.id}`, { token: finance.token });
    expect((await fetch(`${stack.base}${again.body.downloadUrl}`)).status).toBe(200);
  }, 30000);

  it('stops a running execution when it is cancelled, between batches, leaving no file', async () => {
    await db.query(
      `INSERT INTO analytics_event (id, event_type, entity_type, entity_id, metadata, timestamp)
       SELECT gen_random_uuid(), 'evt.orders.order.placed', 'order', 'o' || i,
              jsonb_build_object('orderCode', 'C' || i, 'total', '1.00', 'status', 'CANCEL_ME'), now()
       FROM generate_series(1, 300000) AS i`,
    );
    const report = await createReport({
      name: 'Long',
      type: 'ORDERS',
      format: 'CSV',
      configuration: { filters: { status: 'CANCEL_ME' }, columns: ['orderCode', 'total'] },
    });
    const executionId = await runReport(report.id);
    await eventually(
      () => send('GET', `/reports/${report.id}/executions/${executionId}`, { token: finance.token }),
      (r) => r.body.status === 'RUNNING',
      20000,
    );
    const cancelled = await send('POST', `/reports/${report.id}/executions/${executionId}/cancel`, { token: finance.token });
    expect([cancelled.status, cancelled.body.cancelRequested]).toEqual([200, true]);
    const done = await finished(report.id, executionId);
    expect([done.status, done.rowCount, done.downloadUrl]).toEqual(['CANCELLED', null, null]);
    expect(done.completedAt).not.toBeNull();
    expect(
      await readdir(join(filesDir, 'reports')).then(
        (d) => d.includes(report.id),
        () => false,
      ),
    ).toBe(false);
    const late = await send('POST', `/reports/${report.id}/executions/${executionId}/cancel`, { token: finance.token });
    expect([late.status, late.body.code]).toEqual([409, 'ANALYTICS.EXECUTION_FINISHED']);
    await db.query(`DELETE FROM analytics_event WHERE metadata->>'status' = 'CANCEL_ME'`);
  }, 60000);

  it('mails an EMAIL subscriber the file with an unsubscribe link, and IN_APP subscribers are told through alerting', async () => {
    const report = await createReport(ordersReport('CSV'));
    const email = `subscriber-${randomUUID().slice(0, 8)}@example.com`;
    const mailSub = await send('POST', `/reports/${report.id}/subscriptions`, {
      token: finance.token,
      body: { channel: 'EMAIL', frequency: 'REAL_TIME', email },
    });
    expect([mailSub.status, mailSub.body.channel, mailSub.body.lastSentAt]).toEqual([201, 'EMAIL', null]);
    const noEmail = await send('POST', `/reports/${report.id}/subscriptions`, {
      token: finance.token,
      body: { channel: 'EMAIL', frequency: 'DAILY' },
    });
    expect([noEmail.status, noEmail.body.errors[0].field]).toEqual([400, 'email']);
    const inApp = await send('POST', `/reports/${report.id}/subscriptions`, {
      token: finance.token,
      body: { channel: 'IN_APP', frequency: 'DAILY' },
    });
    // Subscribing again on a channel changes that one subscription.
    const again = await send('POST', `/reports/${report.id}/subscriptions`, {
      token: finance.token,
      body: { channel: 'EMAIL', frequency: 'REAL_TIME', email },
    });
    expect(again.body.id).toBe(mailSub.body.id);

    const executionId = await runReport(report.id);
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email), 30000);
    expect(mail.subject).toBe(`Report: ${report.name}`);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toMatch(/\.csv$/);
    expect((parse(mail.attachments[0].content, { columns: true }) as Record<string, string>[]).map((r) => r.Order)).toEqual(
      teamAOrders().map((o) => o.orderCode),
    );
    const event = await eventually(
      () =>
        db.query(`SELECT payload FROM outbox_event WHERE subject = 'evt.analytics.report.ready' AND payload->>'executionId' = $1`, [
          executionId,
        ]),
      (r) => r.rows.length === 1,
    );
    expect(event.rows[0].payload.subscribers).toEqual(
      expect.arrayContaining([
        { subscriptionId: mailSub.body.id, userId: finance.id, channel: 'EMAIL' },
        { subscriptionId: inApp.body.id, userId: finance.id, channel: 'IN_APP' },
      ]),
    );
    expect(event.rows[0].payload.downloadUrl).toMatch(/^\/api\/v1\/files\?token=/);
    // Alerting tells the IN_APP subscriber through its notifications (EMAIL stays with analytics: one mail).
    const inbox = await eventually(
      () => send('GET', '/notifications?channel=IN_APP', { token: finance.token }),
      (r) => r.status === 200 && r.body.items.some((n: { subject: string | null }) => n.subject?.includes(report.name)),
      20000,
    );
    expect(inbox.body.items.filter((n: { subject: string | null }) => n.subject?.includes(report.name))).toEqual([
      expect.objectContaining({ channel: 'IN_APP', body: expect.stringContaining('/api/v1/files?token=') }),
    ]);
    const subs = await eventually(
      () => send('GET', `/reports/${report.id}/subscriptions`, { token: finance.token }),
      (r) => r.body.every((s: { lastSentAt: string | null }) => s.lastSentAt !== null),
    );
    expect(subs.body).toHaveLength(2);

    const link = /Unsubscribe: \S*\/report-subscriptions\/unsubscribe\?token=(\S+)/.exec(mail.text)![1];
    expect((await fetch(`${stack.base}/api/v1/report-subscriptions/unsubscribe?token=${link.slice(0, -3)}abc`)).status).toBe(404);
    const off = await fetch(`${stack.base}/api/v1/report-subscriptions/unsubscribe?token=${link}`);
    expect([off.status, (await json(off)).unsubscribed]).toEqual([200, true]);
    expect((await db.query('SELECT is_active FROM report_subscriptions WHERE id = $1', [mailSub.body.id])).rows[0].is_active).toBe(false);
  }, 60000);

  it('fires a schedule once per tick with two analytics replicas, and once after a downtime', async () => {
    extra.push(startService('analytics', { ...stack.env, PORT: String(await freePort()) }));
    await new Promise((r) => setTimeout(r, 3000)); // the second replica connects and starts ticking
    const report = await createReport({
      ...ordersReport('JSON', { limit: 1 }),
      name: 'Every 2 s',
      schedule: { cron: '*/2 * * * * *', timezone: 'Asia/Manila' },
    });
    const ticks = async () =>
      (await db.query('SELECT scheduled_for, status FROM report_executions WHERE report_id = $1 ORDER BY scheduled_for', [report.id]))
        .rows as {
        scheduled_for: Date;
        status: string;
      }[];
    await new Promise((r) => setTimeout(r, 9000));
    const seen = await ticks();
    const times = seen.map((t) => t.scheduled_for.getTime());
    expect(new Set(times).size).toBe(times.length);
    expect(times.length).toBeGreaterThanOrEqual(4);
    expect(times.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(2000);
    await eventually(ticks, (rows) => rows.every((t) => t.status === 'COMPLETED'), 10000);

    // Every replica down for ~7 s (three or four ticks missed), then one comes back.
    stack.services.analytics.child.kill('SIGKILL');
    extra[0].child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 7000));
    const beforeRestart = await ticks();
    expect(beforeRestart.length).toBeGreaterThanOrEqual(seen.length);
    const lastBefore = Math.max(...beforeRestart.map((t) => t.scheduled_for.getTime()));
    const restartAt = Date.now();
    extra.push(startService('analytics', { ...stack.env, PORT: String(await freePort()) }));
    await eventually(
      () => fetch(`${stack.base}/health`).then(json),
      (h) => h.services?.analytics?.status === 'up',
      30000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    await send('PATCH', `/reports/${report.id}`, { token: finance.token, body: { isActive: false } });
    const after = await ticks();
    // The ticks due while nothing ran collapse into the one run that fired at start.
    const missed = after.filter((t) => t.scheduled_for.getTime() > lastBefore && t.scheduled_for.getTime() < restartAt);
    expect(missed).toHaveLength(1);
    const resumed = after.filter((t) => t.scheduled_for.getTime() >= restartAt).map((t) => t.scheduled_for.getTime());
    // Once per tick: each on the 2 s grid and none twice. (A replica too loaded to wake within a tick skips it rather
    // than firing it late, like cron: gaps of 4 s or more are fine; a gap of 0 would be a tick fired twice.)
    const gaps = resumed.slice(1).map((t, i) => t - resumed[i]);
    expect(gaps.filter((gap) => gap <= 0 || gap % 2000 !== 0)).toEqual([]);
  }, 90000);
});
