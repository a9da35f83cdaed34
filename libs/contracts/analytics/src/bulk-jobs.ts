/** What imports and exports share: ImportExportJob's FileFormat, JobPriority and JobStatus (mash-backend-schema.md). */
export const BULK_FILE_FORMATS = ['CSV', 'EXCEL', 'JSON', 'XML'] as const;
export type BulkFileFormatName = (typeof BULK_FILE_FORMATS)[number];
export const JOB_PRIORITIES = ['URGENT', 'NORMAL', 'LOW'] as const;
export type JobPriorityName = (typeof JOB_PRIORITIES)[number];
export const JOB_STATUSES = ['QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];
