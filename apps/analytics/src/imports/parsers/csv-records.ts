import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { FileFormatError, RawRecord } from './records';

/** RFC 4180 CSV: a header row, quoted fields with commas, quotes and newlines inside, a UTF-8 BOM. */
export async function* csvRecords(stream: Readable): AsyncGenerator<RawRecord> {
  const parser = stream.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }),
  );
  stream.once('error', (error) => parser.destroy(error));
  let rowNumber = 1;
  try {
    for await (const cells of parser) yield { rowNumber: ++rowNumber, cells: cells as Record<string, string> };
  } catch (error) {
    throw new FileFormatError(`The file could not be read as CSV after row ${rowNumber}: ${(error as Error).message}`);
  }
}
