import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { OutputColumn } from '../report-config';

export type Cell = string | number | Date | null;

export interface WriterContext {
  title: string;
  columns: OutputColumn[];
  /** Lines describing the filters, for the PDF's header. */
  filters: string[];
  generatedAt: Date;
  out: Writable;
}

export interface Totals {
  rowCount: number;
  /** Per column: the decimal sum of a number column, null otherwise. */
  sums: (string | null)[];
}

/** One output format, written row batch by row batch so a report of any length streams through. */
export interface ReportWriter {
  write(rows: Cell[][]): Promise<void>;
  finish(totals: Totals): Promise<void>;
}

/** Waits when the destination is full: what keeps a million rows from piling up in memory. */
export async function writeTo(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export const asText = (value: Cell): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);

const SCALE = 6;
/** Sums decimal strings exactly (money is never added as floats). */
export class DecimalSum {
  private total = 0n;
  add(value: Cell): void {
    if (value === null || value === undefined || value instanceof Date) return;
    const text = String(value);
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) return;
    const fraction = (match[3] ?? '').slice(0, SCALE).padEnd(SCALE, '0');
    const units = BigInt(match[2]) * 10n ** BigInt(SCALE) + BigInt(fraction);
    this.total += match[1] ? -units : units;
  }
  toString(): string {
    const negative = this.total < 0n;
    const abs = negative ? -this.total : this.total;
    const whole = abs / 10n ** BigInt(SCALE);
    const fraction = (abs % 10n ** BigInt(SCALE)).toString().padStart(SCALE, '0').replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction.length ? `.${fraction.padEnd(2, '0')}` : ''}`;
  }
}
