import { Injectable } from '@nestjs/common';
import {
  CreateReportDto,
  ExecutionView,
  ReportFilter,
  ReportRemovedView,
  ReportTypeName,
  ReportView,
  UpdateReportDto,
} from '@suite/contracts/analytics';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import {
  CallerIdentity,
  conflict,
  type FileStore,
  InjectDb,
  InjectFileStore,
  invalid,
  newestFirstAfter,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { assertTeamVisible, executionNotFound, reportNotFound, reportScope, requirePermission, requireSignedIn } from './report-access';
import { planReport } from './report-config';
import { checkSchedule, nextRun, Schedule } from './report-schedule';
import { toExecutionView, toReportView } from './report-view';
import { AnalyticsConfig } from '../config';
import { ReportSources } from './sources/report-sources';
import { EXTENSIONS } from './output/writers';

/** Report definitions and their executions: what the NATS controller calls. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectFileStore() private readonly files: FileStore,
    private readonly sources: ReportSources,
    private readonly config: AnalyticsConfig,
  ) {}

  async visible(caller: CallerIdentity, reportId: string) {
    const report = await this.db.report.findFirst({ where: { id: reportId, ...reportScope(caller) } });
    if (!report) throw reportNotFound();
    return report;
  }

  /** Everything a saved report must satisfy to run: its columns for its type, a cron and zone that can fire. */
  private checked(type: ReportTypeName, body: Pick<CreateReportDto, 'configuration' | 'schedule'>): { schedule: Schedule | null } {
    planReport(type, body.configuration, this.sources.of(type));
    if (!body.schedule) return { schedule: null };
    const check = checkSchedule(body.schedule);
    if (!check.ok)
      throw invalid('ANALYTICS.INVALID_SCHEDULE', `Invalid report: ${check.field}.`, {
        errors: [{ field: check.field, messages: [check.message] }],
      });
    return { schedule: check.schedule };
  }

  async create(caller: CallerIdentity, body: CreateReportDto): Promise<ReportView> {
    requirePermission(caller, 'reports:create');
    const userId = requireSignedIn(caller);
    assertTeamVisible(caller, body.teamId);
    const { schedule } = this.checked(body.type, body);
    const row = await this.db.report.create({
      data: {
        name: body.name,
        description: body.description ?? null,
        type: body.type,
        format: body.format ?? 'PDF',
        configuration: body.configuration as Prisma.InputJsonValue,
        schedule: schedule ? (schedule as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        recipients: body.recipients ?? [],
        teamId: body.teamId ?? null,
        isActive: body.isActive ?? true,
        createdBy: userId,
        nextRunAt: schedule ? nextRun(schedule, new Date()) : null,
      },
    });
    return toReportView(row);
  }

  async update(caller: CallerIdentity, reportId: string, body: UpdateReportDto): Promise<ReportView> {
    requirePermission(caller, 'reports:update');
    const current = await this.visible(caller, reportId);
    if (body.teamId !== undefined) assertTeamVisible(caller, body.teamId);
    const type = body.type ?? (current.type as ReportTypeName);
    const scheduleInput = body.schedule === undefined ? ((current.schedule as unknown as Schedule | null) ?? null) : body.schedule;
    const { schedule } = this.checked(type, {
      configuration: body.configuration ?? (current.configuration as CreateReportDto['configuration']),
      schedule: scheduleInput,
    });
    const row = await this.db.report.update({
      where: { id: reportId },
      data: {
        name: body.name,
        description: body.description,
        type: body.type,
        format: body.format,
        configuration: body.configuration as Prisma.InputJsonValue | undefined,
        schedule: body.schedule === undefined ? undefined : schedule ? (schedule as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        recipients: body.recipients,
        teamId: body.teamId,
        isActive: body.isActive,
        ...(body.schedule !== undefined ? { nextRunAt: schedule ? nextRun(schedule, new Date()) : null } : {}),
      },
    });
    return toReportView(row);
  }

  async remove(caller: CallerIdentity, reportId: string): Promise<ReportRemovedView> {
    requirePermission(caller, 'reports:delete');
    await this.visible(caller, reportId);
    await this.db.report.delete({ where: { id: reportId } });
    return { id: reportId, deleted: true };
  }

  async list(caller: CallerIdentity, query: ReportFilter & PageQuery): Promise<Page<ReportView>> {
    requirePermission(caller, 'reports:read');
    const limit = pageLimit(query);
    const where: Prisma.ReportWhereInput = {
      AND: [
        reportScope(caller),
        query.type ? { type: query.type } : {},
        query.teamId ? { teamId: query.teamId } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.report.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toReportView), limit, (r) => timeKeyOf(r.createdAt, r.id));
  }

  async get(caller: CallerIdentity, reportId: string): Promise<ReportView> {
    requirePermission(caller, 'reports:read');
    return toReportView(await this.visible(caller, reportId));
  }

  async run(caller: CallerIdentity, reportId: string): Promise<ExecutionView> {
    requirePermission(caller, 'reports:execute');
    const report = await this.visible(caller, reportId);
    const row = await this.db.reportExecution.create({ data: { reportId, format: report.format, executedBy: caller.userId ?? null } });
    return toExecutionView(row, null);
  }

  async executions(caller: CallerIdentity, reportId: string, query: PageQuery): Promise<Page<ExecutionView>> {
    requirePermission(caller, 'reports:read');
    const report = await this.visible(caller, reportId);
    const limit = pageLimit(query);
    const rows = await this.db.reportExecution.findMany({
      where: { AND: [{ reportId }, newestFirstAfter(query.cursor) ?? {}] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const views = await Promise.all(rows.map((e) => this.view(e, report.name)));
    return toPage(views, limit, (e) => timeKeyOf(e.createdAt, e.id));
  }

  async execution(caller: CallerIdentity, reportId: string, executionId: string): Promise<ExecutionView> {
    requirePermission(caller, 'reports:read');
    const report = await this.visible(caller, reportId);
    const row = await this.db.reportExecution.findFirst({ where: { id: executionId, reportId } });
    if (!row) throw executionNotFound();
    return this.view(row, report.name);
  }

  /** PENDING: cancelled now. RUNNING: flagged; the worker stops at its next batch and marks it CANCELLED. */
  async cancel(caller: CallerIdentity, reportId: string, executionId: string): Promise<ExecutionView> {
    requirePermission(caller, 'reports:execute');
    const report = await this.visible(caller, reportId);
    const row = await this.db.reportExecution.findFirst({ where: { id: executionId, reportId } });
    if (!row) throw executionNotFound();
    const now = new Date();
    const pending = await this.db.reportExecution.updateMany({
      where: { id: executionId, status: 'PENDING' },
      data: { status: 'CANCELLED', cancelRequested: true, completedAt: now, duration: 0, errorMessage: 'Cancelled before it ran' },
    });
    if (!pending.count) {
      const running = await this.db.reportExecution.updateMany({
        where: { id: executionId, status: 'RUNNING' },
        data: { cancelRequested: true },
      });
      if (!running.count)
        throw conflict('ANALYTICS.EXECUTION_FINISHED', `The execution already ended (${row.status}).`, { executionStatus: row.status });
    }
    const after = await this.db.reportExecution.findUniqueOrThrow({ where: { id: executionId } });
    return this.view(after, report.name);
  }

  /** A fresh signed link each time a finished run is read: links expire, the file stays. */
  private async view(row: Parameters<typeof toExecutionView>[0], name: string): Promise<ExecutionView> {
    if (row.status !== 'COMPLETED' || !row.resultUrl) return toExecutionView(row, null);
    const ttl = this.config.REPORT_LINK_TTL_SECONDS;
    const filename = `${name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'report'}.${EXTENSIONS[row.format]}`;
    const url = await this.files.signedUrl(row.resultUrl, ttl, { filename });
    return toExecutionView(row, { url, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() });
  }
}
