import type {
  ImportEntityType,
  ImportErrorView,
  ImportFileFormat,
  ImportJobView,
  JobPriorityName,
  JobStatusName,
} from '@suite/contracts/analytics';
import type { Prisma } from '@suite/db/analytics';
import { optionsOf } from './import-options';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toJobView(j: Prisma.ImportExportJobGetPayload<object>): ImportJobView {
  const options = optionsOf(j.options ?? {});
  return {
    id: j.id,
    type: j.type,
    entityType: j.entityType as ImportEntityType,
    status: j.status as JobStatusName,
    priority: j.priority as JobPriorityName,
    fileName: j.fileName,
    fileFormat: j.fileFormat as ImportFileFormat,
    fileSize: j.fileSize,
    dryRun: !!options.dryRun,
    templateId: options.templateId ?? null,
    totalRecords: j.totalRecords,
    processedRecords: j.processedRecords,
    successCount: j.successCount,
    failureCount: j.failureCount,
    warningCount: j.warningCount,
    progressPercent: Math.round(j.progressPercent * 10) / 10,
    estimatedTimeMs: j.estimatedTimeMs,
    failureReason: j.failureReason,
    hasErrorReport: !!j.resultFileUrl,
    teamId: j.teamId,
    cancelRequested: j.cancelRequested,
    createdBy: j.createdBy,
    startedAt: iso(j.startedAt),
    completedAt: iso(j.completedAt),
    heartbeatAt: iso(j.heartbeatAt),
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
  };
}

export const toErrorView = (e: Prisma.ImportExportErrorGetPayload<object>): ImportErrorView => ({
  id: e.id,
  rowNumber: e.rowNumber,
  columnName: e.columnName,
  fieldPath: e.fieldPath,
  errorType: e.errorType,
  severity: e.severity,
  errorCode: e.errorCode,
  message: e.message,
  suggestion: e.suggestion,
  originalValue: e.originalValue,
  expectedFormat: e.expectedFormat,
});
