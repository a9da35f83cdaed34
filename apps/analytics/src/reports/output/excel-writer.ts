import ExcelJS from 'exceljs';
import { Cell, ReportWriter, Totals, WriterContext } from './report-writer';

/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed (serialised and let go) as
 * it is added, and shared strings are off, so memory does not grow with the row count.
 */
export class ExcelWriter implements ReportWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(private readonly ctx: WriterContext) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: ctx.out, useSharedStrings: false, useStyles: true });
    this.sheet = this.workbook.addWorksheet('Report');
    this.sheet.columns = ctx.columns.map((c) => ({ header: c.label, key: c.key, width: c.kind === 'time' ? 24 : 18 }));
    this.sheet.getRow(1).font = { bold: true };
    this.sheet.getRow(1).commit();
  }

  private value(cell: Cell, kind: string): ExcelJS.CellValue {
    if (cell === null || cell === undefined) return null;
    if (kind === 'number') return Number(cell);
    if (cell instanceof Date) return cell;
    return String(cell);
  }

  async write(rows: Cell[][]): Promise<void> {
    for (const row of rows) this.sheet.addRow(row.map((cell, i) => this.value(cell, this.ctx.columns[i].kind))).commit();
    await this.drained();
  }

  /**
   * exceljs queues the sheet's XML in 64 KB buffers while the zip's deflate catches up, with no
   * backpressure of its own: without this wait a million rows pile up there (~180 MB measured).
   * Bounded by a deadline so a zip that never reads cannot hang the run.
   */
  private async drained(): Promise<void> {
    const stream = (this.sheet as unknown as { stream?: { buffers?: unknown[] } }).stream;
    const deadline = Date.now() + 10000;
    do await new Promise((resolve) => setTimeout(resolve, 1));
    while (((stream?.buffers?.length ?? 0) > 2 || this.ctx.out.writableLength > 1 << 20) && Date.now() < deadline);
  }

  async finish(totals: Totals): Promise<void> {
    const total = this.sheet.addRow(
      this.ctx.columns.map((c, i) =>
        i === 0 ? `Total (${totals.rowCount} rows)` : totals.sums[i] === null ? null : Number(totals.sums[i]),
      ),
    );
    total.font = { bold: true };
    total.commit();
    this.sheet.commit();
    await this.workbook.commit();
  }
}
