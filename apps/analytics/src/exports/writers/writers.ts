import type { ExportFileFormatName } from '@suite/contracts/analytics';
import { CsvExportWriter } from './csv-export-writer';
import { ExcelExportWriter } from './excel-export-writer';
import { ExportWriter, ExportWriterContext } from './export-writer';
import { JsonExportWriter } from './json-export-writer';
import { XmlExportWriter } from './xml-export-writer';

export const EXPORT_EXTENSIONS: Record<ExportFileFormatName, string> = { CSV: 'csv', EXCEL: 'xlsx', JSON: 'json', XML: 'xml' };

export function exportWriterFor(format: ExportFileFormatName, ctx: ExportWriterContext): ExportWriter {
  switch (format) {
    case 'CSV':
      return new CsvExportWriter(ctx);
    case 'EXCEL':
      return new ExcelExportWriter(ctx);
    case 'JSON':
      return new JsonExportWriter(ctx);
    case 'XML':
      return new XmlExportWriter(ctx);
  }
}
