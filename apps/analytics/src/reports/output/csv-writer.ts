import { stringify, type Stringifier } from 'csv-stringify';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { asText, Cell, ReportWriter, Totals, WriterContext, writeTo } from './report-writer';

/** RFC 4180 CSV through csv-stringify: a header row, the rows, and no totals row (a CSV is data, to be read back). */
export class CsvWriter implements ReportWriter {
  private readonly csv: Stringifier;
  private readonly done: Promise<void>;

  constructor(ctx: WriterContext) {
    this.csv = stringify({ header: true, columns: ctx.columns.map((c) => ({ key: c.key, header: c.label })) });
    this.done = pipeline(this.csv, ctx.out);
  }

  async write(rows: Cell[][]): Promise<void> {
    for (const row of rows) {
      if (!this.csv.write(row.map(asText))) await once(this.csv, 'drain');
    }
  }

  async finish(_totals: Totals): Promise<void> {
    this.csv.end();
    await this.done;
  }
}

export { writeTo };
