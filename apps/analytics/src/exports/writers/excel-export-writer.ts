import ExcelJS from 'exceljs';
import { ExportCell, ExportWriter, ExportWriterContext } from './export-writer';

/** Off-heap bytes (Buffers) this file may add while the zip deflates before a page waits for it. */
const PENDING_BYTES = 48 << 20;

/** Excel's limit of characters in one cell. */
export const EXCEL_MAX_CELL = 32767;

/**
 * XLSX through exceljs's streaming WorkbookWriter: every row committed as it is added, shared
 * strings off, so memory does not grow with the row count. Cells are text, as the owner wrote them
 * (a price stays "12.50", an id is never turned into a number).
 */
export class ExcelExportWriter implements ExportWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  /** The process's off-heap bytes before this file began (other work's Buffers are not this writer's backlog). */
  private readonly baseline = process.memoryUsage().arrayBuffers;

  constructor(private readonly ctx: ExportWriterContext) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: ctx.out, useSharedStrings: false, useStyles: false });
    this.sheet = this.workbook.addWorksheet(ctx.root.slice(0, 31));
    this.sheet.addRow(ctx.columns).commit();
  }

  async write(rows: ExportCell[][]): Promise<void> {
    for (const row of rows) {
      if (row.some((cell) => cell !== null && cell.length > EXCEL_MAX_CELL))
        throw new Error(`A value is longer than the ${EXCEL_MAX_CELL} characters an Excel cell holds; export to CSV, JSON or XML.`);
      this.sheet.addRow(row).commit();
    }
    await this.drained();
  }

  /**
   * exceljs pushes the sheet's XML into the zip's deflate without waiting for it (no backpressure of
   * its own), so the uncompressed XML piles up in Buffers outside the JS heap: measured, 200,000 rows
   * took the process from 85 to 450 MB. Waiting after each page until those Buffers are back under a
   * bound keeps it flat; a deadline keeps a stuck zip from hanging the run.
   */
  private async drained(): Promise<void> {
    const deadline = Date.now() + 10000;
    do await new Promise((resolve) => setTimeout(resolve, 1));
    while ((process.memoryUsage().arrayBuffers > PENDING_BYTES || this.ctx.out.writableLength > 1 << 20) && Date.now() < deadline);
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
