import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '@suite/platform/testing';

const ROWS = Number(process.env.BENCH_REPORT_ROWS ?? 1_000_000);
const PDF_ROWS = Number(process.env.BENCH_REPORT_PDF_ROWS ?? 10_000);
const RSS_LIMIT_MB = 300;
/**
 * V8 flags of the analytics process under test (the deployment's NODE_OPTIONS, see apps/analytics/.env.example):
 * a small young generation and a capped old one keep V8 from growing the heap under streaming garbage.
 * BENCH_ANALYTICS_NODE_OPTIONS= (empty) measures Node's defaults.
 */
const ANALYTICS_NODE_OPTIONS = process.env.BENCH_ANALYTICS_NODE_OPTIONS ?? '--max-semi-space-size=1 --max-old-space-size=160';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The process's peak resident set so far (VmHWM), in MB: what the kernel saw at the worst moment, not a sample. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function currentRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/**
 * Reports (issue 16): a 1,000,000-row CSV and XLSX and a 10,000-row PDF written by the analytics
 * service's worker (rows from PostgreSQL through a cursor, streamed into the file store), each
 * queued as a PENDING execution as POST /reports/:id/executions does. Rows/s from the execution's
 * own duration; peak RSS from the analytics process's VmHWM after each run (it only grows, so each
 * figure bounds everything before it too).
 */
export async function reportsBench(): Promise<string[]> {
  const files = await mkdtemp(join(tmpdir(), 'bench-reports-'));
  const stack = await startStack(['analytics'], {
    LOG_LEVEL: 'warn',
    FILE_STORE_DIR: files,
    REPORT_WORKER_POLL_MS: '100',
    NODE_OPTIONS: ANALYTICS_NODE_OPTIONS,
  });
  try {
    const db = await stack.db('analytics');
    const pid = stack.services.analytics.child.pid!;
    await db.query(
      `INSERT INTO analytics_event (id, event_type, entity_type, entity_id, metadata, timestamp)
       SELECT gen_random_uuid(), 'evt.orders.order.placed', 'order', md5(i::text),
              jsonb_build_object('orderCode', 'B' || lpad(i::text, 8, '0'), 'storeId', md5((i % 50)::text), 'status', 'CONFIRMED',
                                 'currency', 'PHP', 'total', ((i % 10000) / 100.0)::text),
              timestamp '2026-11-01' + i * interval '1 second'
       FROM generate_series(1, $1::int) AS i`,
      [ROWS],
    );
    await db.query('ANALYZE analytics_event');
    const rows: string[] = [
      `idle analytics process: ${fmt(await currentRssMb(pid))} MB RSS (NODE_OPTIONS=${ANALYTICS_NODE_OPTIONS || 'none'})`,
    ];
    const runReport = async (format: string, limit: number) => {
      const report = await db.query(
        `INSERT INTO reports (id, name, type, format, configuration, created_by, updated_at)
         VALUES (gen_random_uuid(), $1, 'ORDERS', $2::"ReportFormat", $3, 'bench', now()) RETURNING id`,
        [
          `bench ${format}`,
          format,
          JSON.stringify({ limit, columns: ['timestamp', 'eventType', 'orderCode', 'storeId', 'status', 'currency', 'total'] }),
        ],
      );
      const started = Date.now();
      const execution = await db.query(
        `INSERT INTO report_executions (id, report_id, format) VALUES (gen_random_uuid(), $1, $2::"ReportFormat") RETURNING id`,
        [report.rows[0].id, format],
      );
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const {
          rows: [e],
        } = await db.query('SELECT status, duration, row_count, result_size, error_message FROM report_executions WHERE id = $1', [
          execution.rows[0].id,
        ]);
        if (e.status === 'COMPLETED')
          return {
            duration: e.duration as number,
            rowCount: e.row_count as number,
            size: Number(e.result_size),
            wall: Date.now() - started,
          };
        if (e.status === 'FAILED' || e.status === 'CANCELLED') throw new Error(`${format} report ${e.status}: ${e.error_message}`);
      }
    };
    for (const [format, limit] of [
      ['CSV', ROWS],
      ['EXCEL', ROWS],
      ['PDF', PDF_ROWS],
    ] as const) {
      const r = await runReport(format, limit);
      const peak = await peakRssMb(pid);
      rows.push(
        `${format.padEnd(5)} ${fmt(r.rowCount)} rows: ${(r.duration / 1000).toFixed(1)} s, ${fmt(r.rowCount / (r.duration / 1000))} rows/s, ` +
          `${fmt(r.size / 1024 / 1024)} MB file; analytics peak RSS so far ${fmt(peak)} MB (limit ${RSS_LIMIT_MB}: ${peak < RSS_LIMIT_MB ? 'ok' : 'OVER'})`,
      );
    }
    return rows;
  } finally {
    await stack.stop();
    await rm(files, { recursive: true, force: true });
  }
}

if (require.main === module) {
  reportsBench().then(
    (rows) => {
      for (const row of rows) console.log('  ' + row);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
