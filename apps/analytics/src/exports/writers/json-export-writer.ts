import { endOf, ExportCell, ExportWriter, ExportWriterContext, writeTo } from './export-writer';

/** A JSON array of `{ column: value }` objects, written object by object (never the whole array in memory). */
export class JsonExportWriter implements ExportWriter {
  private first = true;

  constructor(private readonly ctx: ExportWriterContext) {}

  async write(rows: ExportCell[][]): Promise<void> {
    let chunk = '';
    for (const row of rows) {
      chunk += `${this.first ? '[\n' : ',\n'}${JSON.stringify(Object.fromEntries(this.ctx.columns.map((c, i) => [c, row[i] ?? null])))}`;
      this.first = false;
    }
    await writeTo(this.ctx.out, chunk);
  }

  async finish(): Promise<void> {
    await writeTo(this.ctx.out, this.first ? '[]\n' : '\n]\n');
    await endOf(this.ctx.out);
  }
}
