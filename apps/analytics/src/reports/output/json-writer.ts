import { asText, Cell, ReportWriter, Totals, WriterContext, writeTo } from './report-writer';

/** `{ title, generatedAt, columns, rows: [{ column: value }], totals }`, written as the rows come. */
export class JsonWriter implements ReportWriter {
  private first = true;

  constructor(private readonly ctx: WriterContext) {}

  private async start(): Promise<void> {
    const head = {
      title: this.ctx.title,
      generatedAt: this.ctx.generatedAt.toISOString(),
      columns: this.ctx.columns.map((c) => ({ key: c.key, label: c.label })),
    };
    await writeTo(this.ctx.out, `${JSON.stringify(head).slice(0, -1)},"rows":[`);
  }

  async write(rows: Cell[][]): Promise<void> {
    if (this.first) await this.start();
    let chunk = '';
    for (const row of rows) {
      const record = Object.fromEntries(
        this.ctx.columns.map((c, i) => [c.key, row[i] === null ? null : c.kind === 'number' ? asText(row[i]) : asText(row[i])]),
      );
      chunk += `${this.first ? '' : ','}${JSON.stringify(record)}`;
      this.first = false;
    }
    await writeTo(this.ctx.out, chunk);
  }

  async finish(totals: Totals): Promise<void> {
    if (this.first) {
      await this.start();
      this.first = false;
    }
    const sums = Object.fromEntries(this.ctx.columns.flatMap((c, i) => (totals.sums[i] === null ? [] : [[c.key, totals.sums[i]]])));
    await writeTo(this.ctx.out, `],"totals":${JSON.stringify({ rowCount: totals.rowCount, ...sums })}}`);
    this.ctx.out.end();
    await new Promise<void>((resolve, reject) => this.ctx.out.once('finish', resolve).once('error', reject));
  }
}
