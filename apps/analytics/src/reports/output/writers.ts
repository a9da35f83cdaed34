import type { ReportFormatName } from '@suite/contracts/analytics';
import type { CsvWriter } from './csv-writer';
import type { ExcelWriter } from './excel-writer';
import type { JsonWriter } from './json-writer';
import type { PdfWriter } from './pdf-writer';
import type { ReportWriter, WriterContext } from './report-writer';

export const EXTENSIONS: Record<ReportFormatName, string> = { PDF: 'pdf', EXCEL: 'xlsx', CSV: 'csv', JSON: 'json' };

/** Each writer's library (pdfkit, exceljs: ~25 MB each) is loaded by the first report that needs it, not at start. */
export async function writerFor(format: ReportFormatName, ctx: WriterContext): Promise<ReportWriter> {
  switch (format) {
    case 'PDF':
      return new (require('./pdf-writer') as { PdfWriter: typeof PdfWriter }).PdfWriter(ctx);
    case 'EXCEL':
      return new (require('./excel-writer') as { ExcelWriter: typeof ExcelWriter }).ExcelWriter(ctx);
    case 'CSV':
      return new (require('./csv-writer') as { CsvWriter: typeof CsvWriter }).CsvWriter(ctx);
    case 'JSON':
      return new (require('./json-writer') as { JsonWriter: typeof JsonWriter }).JsonWriter(ctx);
  }
}
