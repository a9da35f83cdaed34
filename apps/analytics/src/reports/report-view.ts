import type { ExecutionView, ReportView, SubscriptionView } from '@suite/contracts/analytics';
import type { Prisma } from '@suite/db/analytics';

type Report = Prisma.ReportGetPayload<object>;
type ReportExecution = Prisma.ReportExecutionGetPayload<object>;
type ReportSubscription = Prisma.ReportSubscriptionGetPayload<object>;

export function toReportView(r: Report): ReportView {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    type: r.type,
    format: r.format,
    configuration: r.configuration as ReportView['configuration'],
    schedule: (r.schedule as ReportView['schedule']) ?? null,
    recipients: r.recipients,
    teamId: r.teamId,
    isActive: r.isActive,
    createdBy: r.createdBy,
    nextRunAt: r.nextRunAt?.toISOString() ?? null,
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toExecutionView(e: ReportExecution, link: { url: string; expiresAt: string } | null): ExecutionView {
  return {
    id: e.id,
    reportId: e.reportId,
    status: e.status,
    format: e.format,
    scheduledFor: e.scheduledFor?.toISOString() ?? null,
    startedAt: e.startedAt.toISOString(),
    completedAt: e.completedAt?.toISOString() ?? null,
    duration: e.duration,
    rowCount: e.rowCount,
    resultData: e.resultData ?? null,
    downloadUrl: link?.url ?? null,
    downloadExpiresAt: link?.expiresAt ?? null,
    resultSize: e.resultSize === null ? null : Number(e.resultSize),
    errorMessage: e.errorMessage,
    executedBy: e.executedBy,
    cancelRequested: e.cancelRequested,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toSubscriptionView(s: ReportSubscription): SubscriptionView {
  return {
    id: s.id,
    reportId: s.reportId,
    userId: s.userId,
    channel: s.channel,
    frequency: s.frequency,
    email: s.email,
    isActive: s.isActive,
    lastSentAt: s.lastSentAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}
