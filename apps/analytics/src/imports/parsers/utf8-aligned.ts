import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Chunks cut only between UTF-8 characters: a character split across two chunks is carried to the next one. */
export async function* utf8Aligned(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let i = buf.length - 1;
    let continuation = 0;
    while (i >= 0 && continuation < 3 && (buf[i] & 0xc0) === 0x80) {
      i--;
      continuation++;
    }
    let end = buf.length;
    if (i >= 0 && buf[i] >= 0xc0) {
      const need = buf[i] >= 0xf0 ? 4 : buf[i] >= 0xe0 ? 3 : 2;
      if (need > continuation + 1) end = i;
    }
    carry = buf.subarray(end);
    if (end > 0) yield buf.subarray(0, end);
  }
  if (carry.length) yield carry;
}

/**
 * ExcelJS 4.4's streaming reader decodes each inflated chunk on its own (TextDecoder without
 * `stream: true`), so a non-ASCII character split across two chunks becomes two U+FFFD: "Café" read
 * back as "Caf��" depending on where the zip's chunks fall. Its shared strings and worksheets are
 * given chunks that end on character boundaries instead. Applied once, on the reader's prototype.
 */
export function alignExcelReaderChunks(): void {
  const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, (...args: unknown[]) => unknown> & {
    __utf8Aligned?: boolean;
  };
  if (proto.__utf8Aligned) return;
  proto.__utf8Aligned = true;
  const worksheet = proto._parseWorksheet;
  proto._parseWorksheet = function (this: unknown, iterable: AsyncIterable<Buffer>, ...rest: unknown[]) {
    return worksheet.call(this, utf8Aligned(iterable), ...rest);
  } as (...args: unknown[]) => unknown;
  const sharedStrings = proto._parseSharedStrings;
  proto._parseSharedStrings = function (this: unknown, entry: AsyncIterable<Buffer>, ...rest: unknown[]) {
    return sharedStrings.call(this, Readable.from(utf8Aligned(entry), { objectMode: false }), ...rest);
  } as (...args: unknown[]) => unknown;
}
