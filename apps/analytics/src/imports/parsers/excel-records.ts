import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, FileFormatError, RawRecord } from './records';
import { alignExcelReaderChunks } from './utf8-aligned';

alignExcelReaderChunks();

/** Text of an Excel cell value: rich text, hyperlinks and formulas by what they show. */
function excelText(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return excelText(v.result);
    if ('text' in v) return excelText(v.text);
    if ('error' in v) return undefined;
  }
  return cellText(value);
}

/** The first worksheet of an .xlsx, read as it streams (ExcelJS's WorkbookReader); its first row is the header. */
export async function* excelRecords(stream: Readable): AsyncGenerator<RawRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sheets = 0;
  let last = 0;
  try {
    for await (const sheet of reader) {
      if (sheets++ > 0) continue; // only the first sheet is data; the rest are drained
      let header: string[] | undefined;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        last = row.number;
        if (!header) {
          header = values.map((v) => (excelText(v) ?? '').trim());
          continue;
        }
        const cells: Record<string, string> = {};
        values.forEach((v, i) => {
          const text = excelText(v);
          if (header![i] && text !== undefined) cells[header![i]] = text;
        });
        if (Object.keys(cells).length) yield { rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    throw new FileFormatError(`The file could not be read as an Excel workbook (.xlsx) after row ${last}: ${(error as Error).message}`);
  }
  if (!sheets) throw new FileFormatError('The file could not be read as an Excel workbook (.xlsx): it has no worksheet.');
}
