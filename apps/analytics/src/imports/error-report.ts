import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { AnalyticsDb } from '@suite/db/analytics';
import type { FileStore } from '@suite/platform';

export const ERROR_REPORT_COLUMNS = [
  'rowNumber',
  'columnName',
  'fieldPath',
  'errorType',
  'severity',
  'errorCode',
  'message',
  'suggestion',
  'originalValue',
  'expectedFormat',
] as const;

const PAGE = 1000;

/** The job's errors by row as CSV, read from the database a page at a time and streamed to the store. */
export async function writeErrorReport(db: AnalyticsDb, files: FileStore, jobId: string): Promise<string> {
  async function* rows() {
    let after: { rowNumber: number; id: string } | undefined;
    for (;;) {
      const page = await db.$queryRaw<Array<Record<string, string | number | null> & { id: string; rowNumber: number }>>`
        SELECT id, coalesce(row_number, 0) AS "rowNumber", column_name AS "columnName", field_path AS "fieldPath",
               error_type::text AS "errorType", severity::text AS severity, error_code AS "errorCode", message, suggestion,
               original_value AS "originalValue", expected_format AS "expectedFormat"
          FROM import_export_errors
         WHERE job_id = ${jobId}
           AND (${after?.rowNumber ?? -1}::int < 0 OR (coalesce(row_number, 0), id) > (${after?.rowNumber ?? 0}::int, ${after?.id ?? ''}))
         ORDER BY coalesce(row_number, 0), id LIMIT ${PAGE}`;
      for (const row of page) yield ERROR_REPORT_COLUMNS.map((c) => row[c] ?? '');
      if (page.length < PAGE) return;
      after = { rowNumber: page[page.length - 1].rowNumber, id: page[page.length - 1].id };
    }
  }
  const key = `imports/${jobId}/errors.csv`;
  await files.put(key, Readable.from(rows()).pipe(stringify({ header: true, columns: [...ERROR_REPORT_COLUMNS] })), {
    contentType: 'text/csv',
  });
  return key;
}
