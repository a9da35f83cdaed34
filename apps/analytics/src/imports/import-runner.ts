import { Injectable, Logger } from '@nestjs/common';
import { Transform, type Readable } from 'node:stream';
import type { ImportEntityType, ImportFileFormat } from '@suite/contracts/analytics';
import type { ImportBatchResponse } from '@suite/contracts/core';
import { AnalyticsDb } from '@suite/db/analytics';
import { AppError, type FileStore, InjectDb, InjectFileStore, NatsClient } from '@suite/platform';
import { AnalyticsConfig } from '../config';
import { ENTITY_SPECS, EntitySpec } from './entity-specs';
import { HeaderMapping } from './header-mapping';
import { PendingBatch } from './import-batch';
import { optionsOf, type ImportOptions } from './import-options';
import { writeErrorReport } from './error-report';
import { FileFormatError, readRecords } from './parsers';
import { validateRow } from './row-validation';
import { TemplatesService } from './templates.service';

class Cancelled extends Error {}
class Stopping extends Error {}
/** The job cannot go on (a bad file, an owner that refuses the uploader): FAILED with this message. */
class JobFailure extends Error {}

/**
 * Runs one claimed import job: the file streams from the store through its format's parser, each
 * record is mapped (template headers) and checked (template rules), and rows go to the owning
 * service in batches. After each batch its errors and the progress are written together, which is
 * also where a cancel request or a shutdown is noticed. A resumed job skips the records it had done.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('ImportRunner');
  private stopping = false;

  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectFileStore() private readonly files: FileStore,
    private readonly nats: NatsClient,
    private readonly templates: TemplatesService,
    private readonly config: AnalyticsConfig,
  ) {}

  stop(): void {
    this.stopping = true;
  }

  async run(id: string): Promise<void> {
    const job = await this.db.importExportJob.findUniqueOrThrow({ where: { id } });
    const options = optionsOf(job.options);
    const heartbeat = setInterval(() => void this.beat(id), this.config.IMPORT_HEARTBEAT_MS);
    try {
      const spec = ENTITY_SPECS[job.entityType as ImportEntityType];
      if (!spec)
        throw new JobFailure(`Importing ${job.entityType} is not supported yet (supported: ${Object.keys(ENTITY_SPECS).join(', ')}).`);
      if ((options.resumes ?? 0) > this.config.IMPORT_MAX_RESUMES)
        throw new JobFailure(`The worker stopped ${options.resumes} times while running this job; it is not tried again.`);
      await this.process(job, spec, options);
    } catch (error) {
      if (error instanceof Stopping) {
        await this.db.importExportJob.updateMany({ where: { id, status: 'PROCESSING' }, data: { status: 'QUEUED', heartbeatAt: null } });
      } else if (error instanceof Cancelled) {
        await this.finish(id, 'CANCELLED');
      } else {
        const reason =
          error instanceof JobFailure || error instanceof FileFormatError
            ? error.message
            : `The import failed: ${(error as Error).message}`;
        if (!(error instanceof JobFailure || error instanceof FileFormatError))
          this.logger.warn({ err: error, jobId: id }, 'import job failed');
        await this.db.importExportJob.updateMany({
          where: { id, status: 'PROCESSING' },
          data: {
            status: 'FAILED',
            failureReason: reason.slice(0, 2000),
            completedAt: new Date(),
            estimatedTimeMs: null,
            heartbeatAt: new Date(),
          },
        });
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async process(
    job: { id: string; entityType: string; fileFormat: string; fileUrl: string | null; fileSize: number; processedRecords: number },
    spec: EntitySpec,
    options: ImportOptions,
  ): Promise<void> {
    const template = await this.templates.resolve(options.templateId, spec, job.fileFormat as ImportFileFormat);
    const mapping = new HeaderMapping(template.headers, Object.keys(spec.fields));
    let file: { stream: Readable; size: number };
    try {
      file = await this.files.get(job.fileUrl ?? '');
    } catch {
      throw new JobFailure('The uploaded file is no longer in the file store.');
    }
    let bytes = 0;
    const counted = file.stream.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      }),
    );
    file.stream.once('error', (e) => counted.destroy(e));
    const size = file.size || job.fileSize || 1;
    const started = Date.now();
    const startBytes = { value: -1 };
    const skip = job.processedRecords;
    const keys = new Set<string>();
    const warned = new Set<string>();
    let seen = 0;
    let knownColumns = 0;
    let pending = new PendingBatch(job.id, mapping);
    const flush = async () => {
      if (pending.rows.length) pending.answered(await this.send(spec, pending, options));
      if (startBytes.value < 0) startBytes.value = bytes;
      const done = Math.max(0, bytes - startBytes.value);
      const left = Math.max(0, size - bytes);
      await this.progress(
        job.id,
        pending,
        Math.min(99.9, (bytes / size) * 100),
        done > 0 ? Math.round(((Date.now() - started) * left) / done) : null,
      );
      pending = new PendingBatch(job.id, mapping);
    };
    try {
      for await (const record of readRecords(job.fileFormat as ImportFileFormat, counted)) {
        seen++;
        const values = mapping.map(record.cells, (header) => {
          if (warned.has(header)) return;
          warned.add(header);
          if (seen > skip)
            pending.warn(
              1,
              header,
              'UNKNOWN_COLUMN',
              `The column "${header}" is not a field of ${spec.entityType} and was ignored`,
              `Fields: ${Object.keys(spec.fields).join(', ')}`,
            );
        });
        const fields = Object.keys(values).length;
        knownColumns = Math.max(knownColumns, fields);
        const key = values[spec.key];
        if (seen <= skip) {
          if (key) keys.add(key);
          continue;
        }
        if (!fields && !Object.keys(record.cells).length) continue;
        pending.records++;
        const problems = validateRow(values, template.rules);
        if (!problems.length && key && keys.has(key))
          problems.push({
            field: spec.key,
            errorType: 'CONSTRAINT',
            severity: 'ERROR',
            errorCode: 'DUPLICATE_IN_FILE',
            message: `${spec.key} ${key} appears more than once in the file; only its first row is imported`,
            suggestion: `Keep one row per ${spec.key}`,
          });
        if (problems.length) pending.refuse(record.rowNumber, values, problems);
        else {
          keys.add(key);
          pending.rows.push({ rowNumber: record.rowNumber, values });
        }
        if (pending.rows.length >= this.config.IMPORT_BATCH_ROWS || pending.records >= this.config.IMPORT_BATCH_ROWS) await flush();
      }
    } finally {
      counted.destroy();
    }
    if (seen === 0) throw new JobFailure('The file holds no records.');
    if (knownColumns === 0)
      throw new JobFailure(
        `None of the file's columns is a field of ${spec.entityType} (${Object.keys(spec.fields).join(', ')}): wrong file, format or template?`,
      );
    await flush();
    await this.finish(job.id, 'COMPLETED');
  }

  /** The owner's batch operation as the uploader; a service briefly unavailable is retried, any other refusal fails the job. */
  private async send(spec: EntitySpec, pending: PendingBatch, options: ImportOptions) {
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = (await this.nats.call(
          spec.operation,
          { rows: pending.rows, dryRun: options.dryRun, defaultStoreId: options.storeId ?? undefined },
          { caller: options.caller, timeoutMs: this.config.IMPORT_BATCH_TIMEOUT_MS },
        )) as ImportBatchResponse;
        return answer.results;
      } catch (error) {
        const appError = error instanceof AppError ? error : undefined;
        if (appError?.kind === 'unavailable' && attempt < 4) {
          await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
          continue;
        }
        throw new JobFailure(
          `The owning service refused a batch: ${appError ? `${appError.code}: ${appError.message}` : (error as Error).message}`,
        );
      }
    }
  }

  /** Errors and counters of one batch in one transaction; answers whether to go on. */
  private async progress(id: string, b: PendingBatch, percent: number, estimatedTimeMs: number | null): Promise<void> {
    const [row] = await this.db.$transaction(async (tx) => {
      if (b.errors.length) await tx.importExportError.createMany({ data: b.errors });
      return tx.$queryRaw<{ cancel_requested: boolean }[]>`
        UPDATE import_export_jobs SET
          processed_records = processed_records + ${b.records}, success_count = success_count + ${b.success},
          failure_count = failure_count + ${b.failure}, warning_count = warning_count + ${b.warnings},
          progress_percent = ${percent}, estimated_time_ms = ${estimatedTimeMs}, heartbeat_at = now(), updated_at = now()
        WHERE id = ${id} AND status = 'PROCESSING' RETURNING cancel_requested`;
    });
    if (!row || row.cancel_requested) throw new Cancelled();
    if (this.stopping) throw new Stopping();
  }

  private async beat(id: string): Promise<void> {
    await this.db.importExportJob
      .updateMany({ where: { id, status: 'PROCESSING' }, data: { heartbeatAt: new Date() } })
      .catch(() => undefined);
  }

  /** COMPLETED or CANCELLED, with the error report (every error and warning, by row) in the file store. */
  private async finish(id: string, status: 'COMPLETED' | 'CANCELLED'): Promise<void> {
    const key = await writeErrorReport(this.db, this.files, id);
    await this.db.$executeRaw`
      UPDATE import_export_jobs SET status = ${status}::"JobStatus", result_file_url = ${key}, completed_at = now(), heartbeat_at = now(),
        total_records = processed_records, estimated_time_ms = 0, updated_at = now(),
        progress_percent = CASE WHEN ${status} = 'COMPLETED' THEN 100 ELSE progress_percent END
      WHERE id = ${id} AND status = 'PROCESSING'`;
  }
}
