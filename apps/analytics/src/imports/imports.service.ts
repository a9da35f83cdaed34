import { Injectable } from '@nestjs/common';
import {
  CreateImportRequest,
  ImportFileLinkView,
  ImportErrorsRequest,
  ImportErrorView,
  ImportJobView,
  ImportListQuery,
} from '@suite/contracts/analytics';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import {
  CallerIdentity,
  conflict,
  decodeCursor,
  encodeCursor,
  type FileStore,
  hasPermission,
  InjectDb,
  InjectFileStore,
  invalid,
  notFound,
  Page,
  pageLimit,
} from '@suite/platform';
import { AnalyticsConfig } from '../config';
import { ENTITY_SPECS } from './entity-specs';
import { importNotFound, isImportStaff, requirePermission } from './import-access';
import type { ImportOptions } from './import-options';
import { toErrorView, toJobView } from './import-view';
import { TemplatesService } from './templates.service';

const UPLOADS = 'imports/uploads/';

/** Import jobs: created by the gateway's upload route, read and cancelled by their owner (staff: any). */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectFileStore() private readonly files: FileStore,
    private readonly templates: TemplatesService,
    private readonly config: AnalyticsConfig,
  ) {}

  async create(caller: CallerIdentity, r: CreateImportRequest): Promise<ImportJobView> {
    requirePermission(caller, 'imports:create');
    if (!r.fileKey.startsWith(UPLOADS)) throw invalid('ANALYTICS.IMPORT_BAD_FILE', 'The file is not an import upload.');
    // The owner checks these again per batch; refused now, the uploader learns it before waiting for a job to fail.
    const spec = ENTITY_SPECS[r.entityType];
    const missing = (spec?.operation.permissions ?? []).filter((p) => !hasPermission(caller, p));
    if (missing.length) requirePermission(caller, missing[0] as never);
    if (r.templateId) {
      const t = await this.templates.find(r.templateId);
      if (t.entityType !== r.entityType)
        throw invalid('ANALYTICS.TEMPLATE_MISMATCH', `The template is for ${t.entityType}, not ${r.entityType}.`, {
          errors: [{ field: 'templateId', messages: [`template is for ${t.entityType}`] }],
        });
    }
    if (r.teamId && !isImportStaff(caller) && !caller.teamIds.includes(r.teamId))
      throw notFound('ANALYTICS.TEAM_NOT_FOUND', 'No such team.', { errors: [{ field: 'teamId', messages: ['not one of your teams'] }] });
    const options: ImportOptions = {
      dryRun: !!r.dryRun,
      templateId: r.templateId ?? null,
      storeId: r.storeId ?? null,
      caller: { userId: caller.userId, roles: caller.roles, permissions: caller.permissions, teamIds: caller.teamIds },
      resumes: 0,
    };
    const row = await this.db.importExportJob.create({
      data: {
        type: 'IMPORT',
        entityType: r.entityType,
        priority: r.priority ?? 'NORMAL',
        fileName: r.fileName,
        fileFormat: r.fileFormat,
        fileSize: r.fileSize,
        fileUrl: r.fileKey,
        options: options as unknown as Prisma.InputJsonValue,
        teamId: r.teamId ?? (caller.teamIds.length === 1 ? caller.teamIds[0] : null),
        createdBy: caller.userId!,
      },
    });
    return toJobView(row);
  }

  async list(caller: CallerIdentity, q: ImportListQuery): Promise<Page<ImportJobView>> {
    requirePermission(caller, 'imports:read');
    const limit = pageLimit(q);
    const after = decodeCursor<{ t: string; i: string }>(q.cursor);
    const rows = await this.db.importExportJob.findMany({
      where: {
        type: 'IMPORT',
        ...this.scope(caller),
        ...(q.status ? { status: q.status } : {}),
        ...(q.entityType ? { entityType: q.entityType } : {}),
        ...(after ? { OR: [{ createdAt: { lt: new Date(after.t) } }, { createdAt: new Date(after.t), id: { lt: String(after.i) } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const items = rows.slice(0, limit).map(toJobView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt, i: last.id }) : null };
  }

  async get(caller: CallerIdentity, id: string): Promise<ImportJobView> {
    requirePermission(caller, 'imports:read');
    return toJobView(await this.visible(caller, id));
  }

  async errors(caller: CallerIdentity, r: ImportErrorsRequest): Promise<Page<ImportErrorView>> {
    requirePermission(caller, 'imports:read');
    await this.visible(caller, r.jobId);
    const limit = pageLimit(r);
    const after = decodeCursor<{ r: number; i: string }>(r.cursor);
    const row = after ? Number(after.r) : undefined;
    const rows = await this.db.importExportError.findMany({
      where: {
        jobId: r.jobId,
        ...(r.severity ? { severity: r.severity } : {}),
        ...(after ? { OR: [{ rowNumber: { gt: row } }, { rowNumber: row, id: { gt: String(after.i) } }] } : {}),
      },
      orderBy: [{ rowNumber: 'asc' }, { id: 'asc' }],
      take: limit + 1,
    });
    const items = rows.slice(0, limit).map(toErrorView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ r: last.rowNumber ?? 0, i: last.id }) : null };
  }

  async errorReport(caller: CallerIdentity, id: string): Promise<ImportFileLinkView> {
    requirePermission(caller, 'imports:read');
    const job = await this.visible(caller, id);
    if (!job.resultFileUrl) throw conflict('ANALYTICS.IMPORT_NOT_FINISHED', 'The error report is written when the job ends.');
    const ttl = this.config.IMPORT_LINK_TTL_SECONDS;
    return {
      url: await this.files.signedUrl(job.resultFileUrl, ttl, { filename: `import-${id}-errors.csv` }),
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    };
  }

  /** A queued job ends now; a running one is asked to stop at its next batch boundary. */
  async cancel(caller: CallerIdentity, id: string): Promise<ImportJobView> {
    requirePermission(caller, 'imports:update');
    const job = await this.visible(caller, id);
    const now = new Date();
    await this.db.importExportJob.updateMany({
      where: { id, status: 'QUEUED' },
      data: { status: 'CANCELLED', cancelRequested: true, completedAt: now },
    });
    await this.db.importExportJob.updateMany({ where: { id, status: 'PROCESSING' }, data: { cancelRequested: true } });
    if (['COMPLETED', 'FAILED'].includes(job.status))
      throw conflict('ANALYTICS.IMPORT_FINISHED', `The job has already ended (${job.status}).`);
    return toJobView(await this.db.importExportJob.findUniqueOrThrow({ where: { id } }));
  }

  private scope(caller: CallerIdentity): Prisma.ImportExportJobWhereInput {
    return isImportStaff(caller) ? {} : { createdBy: caller.userId ?? '-' };
  }

  private async visible(caller: CallerIdentity, id: string) {
    const job = await this.db.importExportJob.findFirst({ where: { id, type: 'IMPORT', ...this.scope(caller) } });
    if (!job) throw importNotFound();
    return job;
  }
}
