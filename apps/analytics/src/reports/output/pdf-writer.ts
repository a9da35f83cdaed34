import PDFDocument from 'pdfkit';
import { pipeline } from 'node:stream/promises';
import { asText, Cell, DecimalSum, ReportWriter, Totals, WriterContext } from './report-writer';

const MARGIN = 36;
const ROW = 13;
const MAX_BARS = 12;
// Distinct chart labels kept while streaming; beyond it further labels are counted as "other".
const MAX_LABELS = 2000;

/**
 * A PDF through pdfkit: title, generation time and filters, the table (repeating its header on each
 * page), the totals and a bar chart drawn with vector operations. Pages are flushed as they fill.
 */
export class PdfWriter implements ReportWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<void>;
  private readonly widths: number[];
  private y = 0;
  private readonly chart = new Map<string, DecimalSum>();
  private readonly labelIndex: number;
  private readonly valueIndex: number;

  constructor(private readonly ctx: WriterContext) {
    this.doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: false, info: { Title: ctx.title } });
    this.done = pipeline(this.doc, ctx.out);
    const width = this.doc.page.width - 2 * MARGIN;
    this.widths = ctx.columns.map(() => width / ctx.columns.length);
    // The chart plots the first number column (or the row count) per value of the first text column.
    this.labelIndex = Math.max(
      0,
      ctx.columns.findIndex((c) => c.kind === 'text'),
    );
    this.valueIndex = ctx.columns.findIndex((c) => c.kind === 'number');
    this.doc.font('Helvetica-Bold').fontSize(18).text(ctx.title);
    this.doc.font('Helvetica').fontSize(9).fillColor('#444').text(`Generated ${ctx.generatedAt.toISOString()}`);
    for (const line of ctx.filters) this.doc.text(line);
    this.doc.fillColor('black').moveDown(0.5);
    this.y = this.doc.y;
    this.header();
  }

  private header(): void {
    this.doc.font('Helvetica-Bold').fontSize(8);
    this.line(this.ctx.columns.map((c) => c.label));
    this.doc.font('Helvetica');
  }

  private line(cells: string[]): void {
    if (this.y + ROW > this.doc.page.height - MARGIN) {
      this.doc.addPage();
      this.y = MARGIN;
      this.header();
    }
    let x = MARGIN;
    cells.forEach((text, i) => {
      this.doc.text(text, x + 2, this.y + 2, { width: this.widths[i] - 4, height: ROW, lineBreak: false, ellipsis: true });
      x += this.widths[i];
    });
    this.y += ROW;
    this.doc.moveTo(MARGIN, this.y).lineTo(x, this.y).lineWidth(0.2).strokeColor('#cccccc').stroke();
  }

  async write(rows: Cell[][]): Promise<void> {
    for (const row of rows) {
      this.line(row.map(asText));
      const label = asText(row[this.labelIndex]) || '(none)';
      const key = this.chart.has(label) || this.chart.size < MAX_LABELS ? label : 'other';
      let bucket = this.chart.get(key);
      if (!bucket) this.chart.set(key, (bucket = new DecimalSum()));
      bucket.add(this.valueIndex >= 0 ? row[this.valueIndex] : '1');
    }
    await new Promise((resolve) => setImmediate(resolve));
  }

  async finish(totals: Totals): Promise<void> {
    this.doc.font('Helvetica-Bold').fontSize(8);
    this.line(this.ctx.columns.map((_, i) => (i === 0 ? `Total (${totals.rowCount} rows)` : (totals.sums[i] ?? ''))));
    this.barChart();
    this.doc.end();
    await this.done;
  }

  private barChart(): void {
    const bars = [...this.chart.entries()]
      .map(([label, sum]) => ({ label, value: Number(sum.toString()) }))
      .sort((a, b) => b.value - a.value)
      .slice(0, MAX_BARS);
    if (!bars.length) return;
    this.doc.addPage();
    const what = this.valueIndex >= 0 ? this.ctx.columns[this.valueIndex].label : 'Rows';
    this.doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor('black')
      .text(`${what} by ${this.ctx.columns[this.labelIndex].label}`, MARGIN, MARGIN);
    const top = MARGIN + 30;
    const height = this.doc.page.height - top - MARGIN - 40;
    const width = (this.doc.page.width - 2 * MARGIN) / bars.length;
    const max = Math.max(...bars.map((b) => b.value), 1);
    this.doc.font('Helvetica').fontSize(7);
    bars.forEach((bar, i) => {
      const h = Math.max(1, (Math.max(bar.value, 0) / max) * height);
      const x = MARGIN + i * width + width * 0.15;
      this.doc.rect(x, top + height - h, width * 0.7, h).fill('#3b82f6');
      this.doc
        .fillColor('black')
        .text(String(bar.value), x, top + height - h - 10, { width: width * 0.7, align: 'center', lineBreak: false });
      this.doc.text(bar.label, x, top + height + 4, { width: width * 0.7, align: 'center', height: 30, ellipsis: true });
    });
    this.doc
      .moveTo(MARGIN, top + height)
      .lineTo(this.doc.page.width - MARGIN, top + height)
      .lineWidth(0.5)
      .strokeColor('black')
      .stroke();
  }
}
