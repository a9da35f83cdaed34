import { randomUUID } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { databaseUrlFor } from '@suite/platform';
import { eventually, startStack, Stack } from '@suite/platform/testing';
import { CpuProbe, cpuDelta, sampleCpu } from './lib/proc-cpu';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const RSS_LIMIT_MB = 300;
const ROOT = { email: 'root@bench.test', password: 'Admin#Secret2026' };
/** The deployment's V8 flags (see reports.bench.ts): every process of the stack runs with them. */
const NODE_OPTIONS = process.env.BENCH_IMPORT_NODE_OPTIONS ?? '--max-semi-space-size=1 --max-old-space-size=160';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Row i's cells, CSV-quoted: what a seller's product export looks like (a quote, a comma and non-ASCII now and then). */
const cells = (i: number) => ({
  sku: `BENCH-${i}`,
  name: `"${i % 7 === 0 ? 'Café ""Oyster"", mug' : 'Shiitake tee'} #${i}"`,
  price: (1 + (i % 10000) / 100).toFixed(2),
  stock: String(i % 50),
});
const productLine = (i: number) => {
  const c = cells(i);
  return `${c.sku},${c.name},${c.price},${c.stock},ACTIVE\n`;
};

/** The same rows for COPY, with what the products table needs beside them (id, store, slug, updated_at). */
async function* copyLines(storeId: string): AsyncGenerator<string> {
  for (let i = 1; i <= ROWS; i += 1000) {
    let chunk = '';
    for (let j = i; j < Math.min(i + 1000, ROWS + 1); j++) {
      const c = cells(j);
      chunk += `${randomUUID()},${storeId},${c.sku},${c.name},bench-${j},${c.price},${c.stock},ACTIVE,now\n`;
    }
    yield chunk;
  }
}

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('sku,name,price,stock,status\n');
  for (let i = 1; i <= ROWS; i++) if (!out.write(productLine(i))) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Imports (issue 17): a 1,000,000-row product CSV uploaded through the gateway (multipart, streamed to the file
 * store), parsed by analytics' worker as a stream and written by catalog in batches, against a raw COPY of the same
 * file into a table of the products table's shape and indexes, in the same run. Rows/s of the import from the job's
 * own start and finish; peak RSS (VmHWM) of the gateway, analytics and catalog afterwards. Target: x0.2 of COPY,
 * every process under 300 MB.
 */
export async function importBench(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
  const csv = join(dir, 'products.csv');
  let stack: Stack | undefined;
  try {
    await writeCsv(csv);
    const size = (await stat(csv)).size;
    stack = await startStack(['identity', 'catalog', 'analytics'], {
      LOG_LEVEL: 'warn',
      FILE_STORE_DIR: join(dir, 'store'),
      IMPORT_WORKER_POLL_MS: '100',
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      NODE_OPTIONS,
    });
    const base = stack.base;
    const catalog = await stack.db('catalog');
    const store = await catalog.query(
      `INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES (gen_random_uuid(), gen_random_uuid(), 'Bench import', 'SHOPIFY', now()) RETURNING id`,
    );
    const storeId = store.rows[0].id as string;

    // The baseline: COPY of the same rows into a table shaped like products (same columns, constraints and indexes).
    await catalog.query('CREATE TABLE bench_copy (LIKE products INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
    const copyStarted = Date.now();
    const copyClient = new Client({ connectionString: databaseUrlFor('catalog', stack.env) });
    await copyClient.connect();
    try {
      const target = copyClient.query(
        copyFrom(`COPY bench_copy (id, store_id, sku, name, slug, price, stock, status, updated_at) FROM STDIN WITH (FORMAT csv)`),
      );
      await pipeline(copyLines(storeId), target);
    } finally {
      await copyClient.end();
    }
    const copyMs = Date.now() - copyStarted;
    const copied = Number((await catalog.query('SELECT count(*) AS n FROM bench_copy')).rows[0].n);

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ROOT),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const pg: CpuProbe = {
      name: 'pg backends',
      pids: async () =>
        (
          await catalog.query(`SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`)
        ).rows.map((r) => Number(r.pid)),
    };
    const probes: CpuProbe[] = [
      { name: 'gateway', pids: () => [stack!.gateway.child.pid!] },
      { name: 'analytics', pids: () => [stack!.services.analytics.child.pid!] },
      { name: 'catalog', pids: () => [stack!.services.catalog.child.pid!] },
      pg,
    ];
    const cpuBefore = await sampleCpu(probes);
    const form = new FormData();
    form.append('entityType', 'PRODUCT');
    form.append('storeId', storeId);
    form.append('file', await openAsBlob(csv), 'products.csv');
    const uploadStarted = Date.now();
    const upload = await fetch(`${base}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
    });
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${await upload.text()}`);
    const uploadMs = Date.now() - uploadStarted;
    const { id } = (await upload.json()) as { id: string };
    // Polled in analytics' database: a million rows outlive an access token (15 minutes), and polling the API would
    // also run into the caller's rate limit.
    const analytics = await stack.db('analytics');
    const job = await eventually(
      async () =>
        (
          await analytics.query(
            `SELECT status, success_count AS "successCount", failure_count AS "failureCount", started_at AS "startedAt",
                    completed_at AS "completedAt", failure_reason AS "failureReason" FROM import_export_jobs WHERE id = $1`,
            [id],
          )
        ).rows[0] as {
          status: string;
          successCount: number;
          failureCount: number;
          startedAt: Date;
          completedAt: Date;
          failureReason?: string;
        },
      (j) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(j?.status),
      3_600_000,
    );
    if (job.status !== 'COMPLETED') throw new Error(`import ${job.status}: ${job.failureReason}`);
    const importMs = new Date(job.completedAt).getTime() - new Date(job.startedAt).getTime();
    const cpu = cpuDelta(cpuBefore, await sampleCpu(probes));
    const stored = Number((await catalog.query('SELECT count(*) AS n FROM products WHERE store_id = $1', [storeId])).rows[0].n);

    const copyRate = copied / (copyMs / 1000);
    const importRate = job.successCount / (importMs / 1000);
    const ratio = importRate / copyRate;
    const peaks = {
      gateway: await peakRssMb(stack.gateway.child.pid!),
      analytics: await peakRssMb(stack.services.analytics.child.pid!),
      catalog: await peakRssMb(stack.services.catalog.child.pid!),
    };
    const over = Object.entries(peaks).filter(([, mb]) => mb >= RSS_LIMIT_MB);
    return [
      `file: ${fmt(ROWS)} rows, ${fmt(size / 1024 / 1024)} MB CSV; uploaded through the gateway in ${(uploadMs / 1000).toFixed(1)} s`,
      `raw COPY into a products-shaped table: ${fmt(copied)} rows in ${(copyMs / 1000).toFixed(1)} s = ${fmt(copyRate)} rows/s`,
      `import (analytics parses, catalog writes in batches): ${fmt(job.successCount)} written, ${fmt(job.failureCount)} failed, ${fmt(stored)} stored, ` +
        `in ${(importMs / 1000).toFixed(1)} s = ${fmt(importRate)} rows/s | vs raw COPY x${ratio.toFixed(2)}`,
      `CPU during upload and import, s: ${cpu.map((c) => `${c.name} ${(c.ms / 1000).toFixed(1)}`).join(', ')} (of ${(importMs / 1000).toFixed(1)} s x 2 cores)`,
      `peak RSS: ${Object.entries(peaks)
        .map(([name, mb]) => `${name} ${fmt(mb)} MB`)
        .join(', ')} (NODE_OPTIONS=${NODE_OPTIONS || 'none'})`,
      `targets: x${ratio.toFixed(2)} of COPY (>= x0.2: ${ratio >= 0.2 ? 'met' : 'NOT met'}); every process < ${RSS_LIMIT_MB} MB: ${over.length ? `NOT met (${over.map(([n]) => n).join(', ')})` : 'met'}`,
    ];
  } finally {
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
