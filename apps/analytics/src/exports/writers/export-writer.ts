import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** A cell as the owners send it: text (money as written, times ISO-8601) or null. */
export type ExportCell = string | null;

export interface ExportWriterContext {
  /** Column keys, in the order of each row's cells (identifiers: they become XML element names and JSON keys). */
  columns: string[];
  out: Writable;
  /** The XML root element and the element of one row, e.g. `products` / `product`; also the sheet's name. */
  root: string;
  item: string;
}

/** Streams rows into `out` page by page; memory holds one page, whatever the row count. */
export interface ExportWriter {
  write(rows: ExportCell[][]): Promise<void>;
  /** Ends the document and `out`. */
  finish(): Promise<void>;
}

/**
 * Writes and waits for `drain` when the destination's buffer is full (that is the backpressure); a
 * destination closed meanwhile (the upload failed) ends the wait with an error instead of forever.
 */
export async function writeTo(out: Writable, chunk: string): Promise<void> {
  if (!chunk) return;
  if (out.destroyed) throw new Error('The export file was closed.');
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', drained).off('close', closed);
      if (error) reject(error);
      else resolve();
    };
    const drained = () => settle();
    const closed = () => settle(new Error('The export file was closed.'));
    out.once('drain', drained).once('close', closed);
  });
}

/** Ends `out` and waits until everything written has been handed on. */
export async function endOf(out: Writable): Promise<void> {
  const done = once(out, 'finish');
  out.end();
  await done;
}
