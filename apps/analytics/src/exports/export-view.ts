import type { ExportJobView } from '@suite/contracts/analytics';
import type { Prisma } from '@suite/db/analytics';

export type ImportExportJob = Prisma.ImportExportJobGetPayload<object>;

export function toExportView(j: ImportExportJob, link: { url: string; expiresAt: string } | null): ExportJobView {
  return {
    id: j.id,
    entityType: j.entityType,
    status: j.status,
    priority: j.priority,
    fileFormat: j.fileFormat,
    fileName: j.fileName,
    fileSize: j.fileSize,
    filters: (j.filters as ExportJobView['filters'] | null) ?? {},
    totalRecords: j.totalRecords,
    processedRecords: j.processedRecords,
    progressPercent: j.progressPercent,
    estimatedTimeMs: j.estimatedTimeMs,
    startedAt: j.startedAt?.toISOString() ?? null,
    completedAt: j.completedAt?.toISOString() ?? null,
    failureReason: j.failureReason,
    teamId: j.teamId,
    cancelRequested: j.cancelRequested,
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    downloadUrl: link?.url ?? null,
    downloadExpiresAt: link?.expiresAt ?? null,
  };
}
