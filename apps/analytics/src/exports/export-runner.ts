import { Injectable, Logger } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import type { ExportFileFormatName } from '@suite/contracts/analytics';
import type { ExportEntityTypeName, ExportFilters } from '@suite/contracts/core';
import { AnalyticsDb } from '@suite/db/analytics';
import { CallerIdentity, type FileStore, InjectDb, InjectFileStore, NatsClient } from '@suite/platform';
import { AnalyticsConfig } from '../config';
import type { StoredCaller } from './export-access';
import { EXPORT_ENTITIES } from './export-entities';
import { ExportWriter } from './writers/export-writer';
import { EXPORT_EXTENSIONS, exportWriterFor } from './writers/writers';

class Cancelled extends Error {}
class Stopping extends Error {}
/** Another replica took the job over (this one was silent past the stale limit): leave the row to it. */
class Lost extends Error {}

export interface ClaimedExport {
  id: string;
  attempt: number;
}

/**
 * Runs one claimed export: pages of rows from the owning service (as the job's creator), through
 * the format's writer, streamed into the file store. The file's key carries the attempt, so a run
 * that lost its job never overwrites the file of the run that took it over. Only a COMPLETED job
 * names its file; a cancelled, failed or interrupted run deletes what it wrote.
 */
@Injectable()
export class ExportRunner {
  private readonly logger = new Logger('ExportRunner');
  private stopping = false;

  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectFileStore() private readonly files: FileStore,
    private readonly nats: NatsClient,
    private readonly config: AnalyticsConfig,
  ) {}

  /** On shutdown a running export stops at its next page and goes back to QUEUED for the next worker. */
  stop(): void {
    this.stopping = true;
  }

  async run({ id, attempt }: ClaimedExport): Promise<void> {
    const started = Date.now();
    const job = await this.db.importExportJob.findUniqueOrThrow({ where: { id } });
    const entityType = job.entityType as ExportEntityTypeName;
    const entity = EXPORT_ENTITIES[entityType];
    const format = job.fileFormat as ExportFileFormatName;
    const caller = ((job.options as { caller?: StoredCaller } | null)?.caller ?? {
      roles: [],
      permissions: [],
      teamIds: [],
    }) as CallerIdentity;
    const filters = (job.filters as ExportFilters | null) ?? {};
    const key = `exports/${id}/${attempt}.${EXPORT_EXTENSIONS[format]}`;
    const body = new PassThrough();
    // The file store reports a failed upload through `stored`; an aborted run's error must not be an uncaught 'error' event.
    body.on('error', () => undefined);
    const stored = this.files.put(key, body);
    stored.catch(() => undefined); // awaited below; a failed run rejects it on purpose
    let writer: ExportWriter | null = null;
    try {
      let after: string | undefined;
      let processed = 0;
      let total: number | null = null;
      do {
        const page = await this.nats.call(
          entity.page,
          { entityType, filters, after, limit: this.config.EXPORT_PAGE_ROWS, count: after === undefined },
          { caller, timeoutMs: this.config.EXPORT_PAGE_TIMEOUT_MS },
        );
        writer ??= exportWriterFor(format, { columns: page.columns, out: body, root: entity.root, item: entity.item });
        await writer.write(page.rows);
        processed += page.rows.length;
        total ??= page.total;
        after = page.next ?? undefined;
        await this.progress(id, processed, after ? total : processed, started);
        if (after && this.config.EXPORT_PAGE_PAUSE_MS) await new Promise((r) => setTimeout(r, this.config.EXPORT_PAGE_PAUSE_MS));
      } while (after);
      if (!writer) throw new Error('The owner answered no page.');
      await writer.finish();
      const { size } = await stored;
      await this.complete(id, key, size, processed, started);
    } catch (error) {
      body.destroy(error as Error);
      await stored.catch(() => undefined);
      await this.files.delete(key).catch((e: unknown) => this.logger.warn({ err: e, key }, 'could not delete a partial export'));
      await this.settle(id, error);
    }
  }

  /** What an interrupted run leaves: QUEUED again (shutdown), CANCELLED, nothing (lost), or FAILED with the reason. */
  private async settle(id: string, error: unknown): Promise<void> {
    const now = new Date();
    if (error instanceof Lost) return;
    if (error instanceof Stopping) {
      // A clean shutdown is not a crash: the attempt is given back.
      await this.db.$executeRaw`
        UPDATE import_export_jobs SET status = 'QUEUED', heartbeat_at = NULL, updated_at = now(),
          options = jsonb_set(coalesce(options, '{}'), '{attempts}', to_jsonb(greatest(coalesce((options->>'attempts')::int, 1) - 1, 0)))
        WHERE id = ${id} AND status = 'PROCESSING'`;
    } else if (error instanceof Cancelled) {
      await this.db.importExportJob.updateMany({
        where: { id, status: 'PROCESSING' },
        data: { status: 'CANCELLED', completedAt: now, estimatedTimeMs: null, failureReason: 'Cancelled while running' },
      });
    } else {
      this.logger.warn({ err: error, exportId: id }, 'export failed');
      await this.db.importExportJob.updateMany({
        where: { id, status: 'PROCESSING' },
        data: { status: 'FAILED', completedAt: now, estimatedTimeMs: null, failureReason: (error as Error).message.slice(0, 2000) },
      });
    }
  }

  /** After each page: progress, proof of life, and the cancel flag; a stop or a cancel ends the run at this page boundary. */
  private async progress(id: string, processed: number, total: number | null, started: number): Promise<void> {
    if (this.stopping) throw new Stopping();
    const known = total ?? 0;
    const percent = known > 0 ? Math.min(100, (processed / known) * 100) : 0;
    const elapsed = Date.now() - started;
    const eta = known > processed && processed > 0 ? Math.round((elapsed / processed) * (known - processed)) : known ? 0 : null;
    const rows = await this.db.$queryRaw<{ cancel_requested: boolean }[]>`
      UPDATE import_export_jobs SET heartbeat_at = now(), updated_at = now(), processed_records = ${processed},
        success_count = ${processed}, total_records = ${known}, progress_percent = ${percent}, estimated_time_ms = ${eta}
      WHERE id = ${id} AND status = 'PROCESSING' RETURNING cancel_requested`;
    if (!rows.length) throw new Lost();
    if (rows[0].cancel_requested) throw new Cancelled();
  }

  /** COMPLETED with its file, unless a cancel arrived after the last page: then the file goes and the job is CANCELLED. */
  private async complete(id: string, key: string, size: number, processed: number, started: number): Promise<void> {
    const done = await this.db.importExportJob.updateMany({
      where: { id, status: 'PROCESSING', cancelRequested: false },
      data: {
        status: 'COMPLETED',
        completedAt: new Date(),
        resultFileUrl: key,
        fileSize: size,
        processedRecords: processed,
        successCount: processed,
        totalRecords: processed,
        progressPercent: 100,
        estimatedTimeMs: 0,
        heartbeatAt: new Date(),
      },
    });
    if (done.count) {
      this.logger.log({ exportId: id, rows: processed, bytes: size, ms: Date.now() - started }, 'export completed');
      return;
    }
    await this.files.delete(key).catch(() => undefined);
    await this.settle(id, new Cancelled());
  }
}
