import type { ImportBatchRow, ImportRowProblem, ImportRowResult } from '@suite/contracts/core';
import type { Prisma } from '@suite/db/analytics';
import type { HeaderMapping } from './header-mapping';

const clip = (s: string | undefined, n: number) => (s === undefined ? null : s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The records read since the last flush: rows for the owner, and the problems found here or by the owner. */
export class PendingBatch {
  rows: ImportBatchRow[] = [];
  records = 0;
  success = 0;
  failure = 0;
  warnings = 0;
  errors: Prisma.ImportExportErrorCreateManyInput[] = [];

  constructor(
    private readonly jobId: string,
    private readonly mapping: HeaderMapping,
  ) {}

  /** A row refused before it left analytics. */
  refuse(rowNumber: number, values: Record<string, string>, problems: ImportRowProblem[]): void {
    this.record(rowNumber, values, problems);
    this.failure++;
  }

  warn(rowNumber: number | null, column: string, errorCode: string, message: string, suggestion?: string): void {
    this.warnings++;
    this.errors.push({
      jobId: this.jobId,
      rowNumber,
      columnName: column,
      errorType: 'FORMAT',
      severity: 'WARNING',
      errorCode,
      message,
      suggestion: suggestion ?? null,
    });
  }

  /** The owner's answer for the rows sent. */
  answered(results: ImportRowResult[]): void {
    const sent = new Map(this.rows.map((r) => [r.rowNumber, r.values]));
    for (const result of results) {
      if (result.problems.length) this.record(result.rowNumber, sent.get(result.rowNumber) ?? {}, result.problems);
      if (result.outcome === 'error') this.failure++;
      else this.success++;
    }
  }

  private record(rowNumber: number, values: Record<string, string>, problems: ImportRowProblem[]): void {
    for (const p of problems) {
      if (p.severity === 'WARNING') this.warnings++;
      this.errors.push({
        jobId: this.jobId,
        rowNumber,
        columnName: this.mapping.headerOf(p.field),
        fieldPath: p.field,
        errorType: p.errorType,
        severity: p.severity,
        errorCode: p.errorCode,
        message: p.message.slice(0, 1000),
        suggestion: p.suggestion ?? null,
        originalValue: clip(values[p.field], 1000),
        expectedFormat: p.expectedFormat ?? null,
      });
    }
  }
}
