import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { XMLBuilder } from 'fast-xml-parser';
import type { ImportFileFormat } from '@suite/contracts/analytics';

export const SAMPLE_EXTENSIONS: Record<ImportFileFormat, string> = { CSV: 'csv', EXCEL: 'xlsx', JSON: 'json', XML: 'xml' };

/** An XML element name from a header: letters, digits, dot, dash and underscore, not starting with a digit. */
export const xmlName = (header: string) => header.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^(?=[0-9.-])/, '_');

/** A small file of the template's rows in its format (samples are at most 100 rows: built in memory). */
export async function sampleFile(format: ImportFileFormat, headers: string[], rows: Record<string, string>[]): Promise<Buffer> {
  const cells = (row: Record<string, string>) => headers.map((h) => row[h] ?? '');
  switch (format) {
    case 'CSV':
      return Buffer.from(stringify([headers, ...rows.map(cells)]), 'utf8');
    case 'EXCEL': {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Import');
      sheet.addRow(headers).font = { bold: true };
      for (const row of rows) sheet.addRow(cells(row));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }
    case 'JSON':
      return Buffer.from(
        JSON.stringify(
          rows.map((row) => Object.fromEntries(headers.filter((h) => row[h] !== undefined).map((h) => [h, row[h]]))),
          null,
          2,
        ),
        'utf8',
      );
    case 'XML': {
      const builder = new XMLBuilder({ format: true });
      const row = rows.map((r) => Object.fromEntries(headers.filter((h) => r[h] !== undefined).map((h) => [xmlName(h), r[h]])));
      return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ rows: { row } })}`, 'utf8');
    }
  }
}
