import { stringify, type Stringifier } from 'csv-stringify';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { ExportCell, ExportWriter, ExportWriterContext } from './export-writer';

/**
 * RFC 4180 through csv-stringify: a UTF-8 BOM (spreadsheets then read non-ASCII right), a header
 * row of the column keys, fields with commas, quotes or line breaks quoted; null is an empty field.
 */
export class CsvExportWriter implements ExportWriter {
  private readonly csv: Stringifier;
  private readonly done: Promise<void>;

  constructor(ctx: ExportWriterContext) {
    this.csv = stringify({ bom: true, header: true, columns: ctx.columns, record_delimiter: 'unix' });
    this.done = pipeline(this.csv, ctx.out);
    // Awaited by finish(); an abandoned run (cancel, failure) destroys `out` and must not leave it unhandled.
    this.done.catch(() => undefined);
  }

  async write(rows: ExportCell[][]): Promise<void> {
    for (const row of rows) if (!this.csv.write(row.map((cell) => cell ?? ''))) await once(this.csv, 'drain');
  }

  async finish(): Promise<void> {
    this.csv.end();
    await this.done;
  }
}
