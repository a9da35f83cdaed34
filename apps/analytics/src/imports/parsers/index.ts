import type { Readable } from 'node:stream';
import type { ImportFileFormat } from '@suite/contracts/analytics';
import { csvRecords } from './csv-records';
import { excelRecords } from './excel-records';
import { jsonRecords } from './json-records';
import { RawRecord } from './records';
import { xmlRecords } from './xml-records';

export * from './records';

/** The records of an import file of the given format, read as the stream arrives. */
export function readRecords(format: ImportFileFormat, stream: Readable): AsyncGenerator<RawRecord> {
  switch (format) {
    case 'CSV':
      return csvRecords(stream);
    case 'EXCEL':
      return excelRecords(stream);
    case 'JSON':
      return jsonRecords(stream);
    case 'XML':
      return xmlRecords(stream);
  }
}
