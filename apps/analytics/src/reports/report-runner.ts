import { Injectable, Logger } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportConfigurationDto, ReportReady, ReportTypeName } from '@suite/contracts/analytics';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import { enqueueEvent, type FileStore, InjectDb, InjectFileStore } from '@suite/platform';
import { planReport, planSql } from './report-config';
import { ReportPool } from './report-pool';
import { AnalyticsConfig } from '../config';
import { readInBatches } from './row-reader';
import { dueSubscribers } from './subscriptions/due-subscribers';
import { ReportSources } from './sources/report-sources';
import { Cell, DecimalSum } from './output/report-writer';
import { EXTENSIONS, writerFor } from './output/writers';

class Cancelled extends Error {}
class Stopping extends Error {}

export interface ClaimedExecution {
  id: string;
  reportId: string;
}

/** Runs one claimed execution: rows from the source, through the format's writer, into the file store. */
@Injectable()
export class ReportRunner {
  private readonly logger = new Logger('ReportRunner');
  private stopping = false;

  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectFileStore() private readonly files: FileStore,
    private readonly pool: ReportPool,
    private readonly sources: ReportSources,
    private readonly config: AnalyticsConfig,
  ) {}

  /** On shutdown a running report stops at its next batch and goes back to PENDING for another replica. */
  stop(): void {
    this.stopping = true;
  }

  async run({ id, reportId }: ClaimedExecution): Promise<void> {
    const started = Date.now();
    const report = await this.db.report.findUniqueOrThrow({ where: { id: reportId } });
    const execution = await this.db.reportExecution.findUniqueOrThrow({ where: { id } });
    const dir = await mkdtemp(join(tmpdir(), 'report-'));
    const file = join(dir, `out.${EXTENSIONS[execution.format]}`);
    try {
      const source = this.sources.of(report.type as ReportTypeName);
      const plan = planReport(report.type as ReportTypeName, report.configuration as ReportConfigurationDto, source, new Date());
      const { sql, params } = planSql(plan, source, report.teamId);
      const out = createWriteStream(file);
      const writer = await writerFor(execution.format, {
        title: report.name,
        columns: plan.columns,
        filters: Object.entries((report.configuration as ReportConfigurationDto).filters ?? {}).map(
          ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`,
        ),
        generatedAt: new Date(),
        out,
      });
      const sums = plan.columns.map((c) => (c.kind === 'number' ? new DecimalSum() : null));
      const inline: Cell[][] = [];
      let rowCount = 0;
      let checked = Date.now();
      for await (const rows of readInBatches(this.pool.pool, sql, params, this.config.REPORT_BATCH_ROWS)) {
        for (const row of rows) sums.forEach((s, i) => s?.add(row[i]));
        if (rowCount < this.config.REPORT_INLINE_MAX_ROWS + 1)
          inline.push(...rows.slice(0, this.config.REPORT_INLINE_MAX_ROWS + 1 - rowCount));
        rowCount += rows.length;
        await writer.write(rows);
        if (Date.now() - checked > 200) {
          checked = Date.now();
          await this.heartbeat(id);
        }
      }
      const totals = { rowCount, sums: sums.map((s) => s?.toString() ?? null) };
      await writer.finish(totals);
      await this.heartbeat(id);
      const small = rowCount <= this.config.REPORT_INLINE_MAX_ROWS;
      const resultData = small
        ? toResult(
            plan.columns.map((c) => c.key),
            inline,
            totals,
          )
        : null;
      let key: string | null = null;
      let size: number | null = null;
      if (!(small && execution.format === 'JSON')) {
        key = `reports/${reportId}/${id}.${EXTENSIONS[execution.format]}`;
        size = (await this.files.put(key, createReadStream(file))).size;
      } else size = (await stat(file)).size;
      const link = key ? await this.link(key, report.name, execution.format) : null;
      await this.complete(id, report, { rowCount, resultData, key, size, duration: Date.now() - started, link });
    } catch (error) {
      if (error instanceof Stopping) {
        await this.db.reportExecution.updateMany({ where: { id, status: 'RUNNING' }, data: { status: 'PENDING', heartbeatAt: null } });
      } else if (error instanceof Cancelled) {
        await this.finish(id, 'CANCELLED', started, 'Cancelled while running');
      } else {
        this.logger.warn({ err: error, executionId: id }, 'report execution failed');
        await this.finish(id, 'FAILED', started, (error as Error).message.slice(0, 2000));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async link(key: string, name: string, format: keyof typeof EXTENSIONS): Promise<{ url: string; expiresAt: string }> {
    const ttl = this.config.REPORT_LINK_TTL_SECONDS;
    const filename = `${name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'report'}.${EXTENSIONS[format]}`;
    return { url: await this.files.signedUrl(key, ttl, { filename }), expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  /** Proves the worker alive and learns of a cancel request; both end the run at this batch boundary. */
  private async heartbeat(id: string): Promise<void> {
    if (this.stopping) throw new Stopping();
    const rows = await this.db.$queryRaw<{ cancel_requested: boolean }[]>`
      UPDATE report_executions SET heartbeat_at = now() WHERE id = ${id}::uuid RETURNING cancel_requested`;
    if (!rows.length || rows[0].cancel_requested) throw new Cancelled();
  }

  private async finish(id: string, status: 'FAILED' | 'CANCELLED', started: number, errorMessage: string): Promise<void> {
    await this.db.reportExecution.updateMany({
      where: { id, status: { in: ['RUNNING', 'PENDING'] } },
      data: { status, errorMessage, completedAt: new Date(), duration: Date.now() - started },
    });
  }

  /** COMPLETED, and in the same transaction the ready event naming the subscribers due now (delivery is its consumer's). */
  private async complete(
    id: string,
    report: { id: string; name: string },
    result: {
      rowCount: number;
      resultData: Prisma.InputJsonValue | null;
      key: string | null;
      size: number | null;
      duration: number;
      link: { url: string; expiresAt: string } | null;
    },
  ): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const done = await tx.reportExecution.updateMany({
        where: { id, status: 'RUNNING', cancelRequested: false },
        data: {
          status: 'COMPLETED',
          completedAt: new Date(),
          duration: result.duration,
          rowCount: result.rowCount,
          resultData: result.resultData ?? Prisma.JsonNull,
          resultUrl: result.key,
          resultSize: result.size === null ? null : BigInt(result.size),
        },
      });
      if (!done.count) return;
      const subscribers = await dueSubscribers(tx, report.id, new Date());
      const execution = await tx.reportExecution.findUniqueOrThrow({ where: { id } });
      await enqueueEvent(tx, ReportReady, {
        reportId: report.id,
        executionId: id,
        reportName: report.name,
        format: execution.format,
        rowCount: result.rowCount,
        downloadUrl: result.link?.url ?? null,
        expiresAt: result.link?.expiresAt ?? null,
        subscribers: subscribers.map((s) => ({ subscriptionId: s.id, userId: s.userId, channel: s.channel })),
      });
    });
  }
}

function toResult(keys: string[], rows: Cell[][], totals: { rowCount: number; sums: (string | null)[] }): Prisma.InputJsonValue {
  const json = (v: Cell) => (v instanceof Date ? v.toISOString() : v);
  return {
    columns: keys,
    rows: rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, json(r[i])]))),
    totals: {
      rowCount: totals.rowCount,
      ...Object.fromEntries(keys.flatMap((k, i) => (totals.sums[i] === null ? [] : [[k, totals.sums[i]]]))),
    },
  } as Prisma.InputJsonValue;
}
