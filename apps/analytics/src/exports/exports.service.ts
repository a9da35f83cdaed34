import { Injectable } from '@nestjs/common';
import { CreateExportDto, ExportFilter, ExportJobView } from '@suite/contracts/analytics';
import { exportFilterError } from '@suite/contracts/core';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import {
  CallerIdentity,
  conflict,
  decodeCursor,
  type FileStore,
  forbidden,
  InjectDb,
  InjectFileStore,
  invalid,
  Page,
  pageLimit,
  PageQuery,
  toPage,
} from '@suite/platform';
import { AnalyticsConfig } from '../config';
import { exportNotFound, exportScope, isExportStaff, requirePermission, requireSignedIn, storedCaller } from './export-access';
import { EXPORT_ENTITIES } from './export-entities';
import { ImportExportJob, toExportView } from './export-view';
import { EXPORT_EXTENSIONS } from './writers/writers';

/** Export jobs as the API sees them: queue one, read them (with a fresh link), cancel. The worker is ExportRunner. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectFileStore() private readonly files: FileStore,
    private readonly config: AnalyticsConfig,
  ) {}

  async create(caller: CallerIdentity, body: CreateExportDto): Promise<ExportJobView> {
    requirePermission(caller, 'exports:create');
    const userId = requireSignedIn(caller);
    const entity = EXPORT_ENTITIES[body.entityType];
    if (entity.adminsOnly && !isExportStaff(caller))
      throw forbidden('ANALYTICS.EXPORT_ADMINS_ONLY', `Only admins export ${body.entityType} records.`, { entityType: body.entityType });
    const filters = Object.fromEntries(Object.entries(body.filters ?? {}).filter(([, v]) => v !== undefined && v !== null));
    const error = exportFilterError(filters, entity.rule);
    if (error)
      throw invalid('ANALYTICS.INVALID_EXPORT_FILTER', error.message, { errors: [{ field: error.field, messages: [error.message] }] });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const row = await this.db.importExportJob.create({
      data: {
        type: 'EXPORT',
        entityType: body.entityType,
        priority: body.priority ?? 'NORMAL',
        fileFormat: body.fileFormat,
        fileName: `${entity.root}-${stamp}.${EXPORT_EXTENSIONS[body.fileFormat]}`,
        filters: filters as Prisma.InputJsonValue,
        options: { caller: storedCaller(caller), attempts: 0 } as unknown as Prisma.InputJsonValue,
        // The team whose data it is: a seller's (their first team); null for an admin's platform-wide export.
        teamId: isExportStaff(caller) ? null : (caller.teamIds[0] ?? null),
        createdBy: userId,
      },
    });
    return toExportView(row, null);
  }

  async list(caller: CallerIdentity, query: ExportFilter & PageQuery): Promise<Page<ExportJobView>> {
    requirePermission(caller, 'exports:read');
    const limit = pageLimit(query);
    const after = readCursor(query.cursor);
    const rows = await this.db.importExportJob.findMany({
      where: {
        AND: [
          exportScope(caller),
          query.status ? { status: query.status } : {},
          query.entityType ? { entityType: query.entityType } : {},
          after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const views = await Promise.all(rows.map((r) => this.view(r)));
    return toPage(views, limit, (v) => ({ t: v.createdAt, i: v.id }));
  }

  async get(caller: CallerIdentity, exportId: string): Promise<ExportJobView> {
    requirePermission(caller, 'exports:read');
    return this.view(await this.visible(caller, exportId));
  }

  /** QUEUED: cancelled now. PROCESSING: flagged; the worker stops at its next page, deletes its partial file and marks it CANCELLED. */
  async cancel(caller: CallerIdentity, exportId: string): Promise<ExportJobView> {
    requirePermission(caller, 'exports:create');
    const job = await this.visible(caller, exportId);
    const queued = await this.db.importExportJob.updateMany({
      where: { id: exportId, status: 'QUEUED' },
      data: { status: 'CANCELLED', cancelRequested: true, completedAt: new Date(), failureReason: 'Cancelled before it ran' },
    });
    if (!queued.count) {
      const running = await this.db.importExportJob.updateMany({
        where: { id: exportId, status: 'PROCESSING' },
        data: { cancelRequested: true },
      });
      if (!running.count)
        throw conflict('ANALYTICS.EXPORT_FINISHED', `The export already ended (${job.status}).`, { exportStatus: job.status });
    }
    return this.view(await this.db.importExportJob.findUniqueOrThrow({ where: { id: exportId } }));
  }

  private async visible(caller: CallerIdentity, exportId: string): Promise<ImportExportJob> {
    const job = await this.db.importExportJob.findFirst({ where: { id: exportId, ...exportScope(caller) } });
    if (!job) throw exportNotFound();
    return job;
  }

  /** A fresh signed link each time a finished export is read: links expire, the file stays. */
  private async view(row: ImportExportJob): Promise<ExportJobView> {
    if (row.status !== 'COMPLETED' || !row.resultFileUrl) return toExportView(row, null);
    const ttl = this.config.EXPORT_LINK_TTL_SECONDS;
    const url = await this.files.signedUrl(row.resultFileUrl, ttl, { filename: row.fileName });
    return toExportView(row, { url, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() });
  }
}

const ID = /^[a-z0-9]{1,40}$/;

/** Newest-first position `{t, i}`; job ids are cuids, not uuids, so the platform's time cursor does not fit. */
function readCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  const key = decodeCursor<Record<string, string>>(cursor);
  if (!key) return undefined;
  const at = new Date(typeof key.t === 'string' ? key.t : NaN);
  if (Number.isNaN(at.getTime()) || typeof key.i !== 'string' || !ID.test(key.i))
    throw invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page.', {
      errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page'] }],
    });
  return { at, id: key.i };
}
