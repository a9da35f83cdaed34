import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cellText, FileFormatError, RawRecord } from './records';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true });
const ROW_OPEN = /<row(?=[\s>/])/g;

/**
 * XML of the documented shape `<rows><row><sku>A-1</sku><price>19.90</price>...</row>...</rows>` (any
 * root name; each `<row>` element a record, its child elements the fields; repeated children a list).
 * The document is cut into its <row> elements as it arrives and each is parsed on its own
 * (fast-xml-parser), so memory holds one record. Values stay text: "19.90" is never read as a number.
 */
export async function* xmlRecords(stream: Readable): AsyncGenerator<RawRecord> {
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  let checkedStart = false;
  let rowNumber = 1;
  const record = (xml: string): RawRecord => {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new FileFormatError(`Record ${rowNumber} is not well-formed XML: ${valid.err.msg}`);
    const row = (parser.parse(xml) as { row?: unknown }).row;
    const cells: Record<string, string> = {};
    if (row && typeof row === 'object')
      for (const [k, v] of Object.entries(row as Record<string, unknown>)) {
        const t = cellText(v);
        if (t !== undefined) cells[k] = t;
      }
    return { rowNumber, cells };
  };
  for await (const chunk of stream) {
    buffer += decoder.write(chunk as Buffer);
    if (!checkedStart) {
      const head = buffer.replace(/^\uFEFF/, '').trimStart();
      if (head.length && head[0] !== '<') throw new FileFormatError('The file is not XML: it must start with <.');
      checkedStart = head.length > 0;
    }
    for (;;) {
      ROW_OPEN.lastIndex = 0;
      const open = ROW_OPEN.exec(buffer);
      if (!open) {
        buffer = buffer.slice(Math.max(0, buffer.length - 4)); // keep a partial "<row" for the next chunk
        break;
      }
      const gt = buffer.indexOf('>', open.index);
      const end = gt < 0 ? -1 : buffer[gt - 1] === '/' ? gt + 1 : buffer.indexOf('</row>', gt);
      if (end < 0) {
        buffer = buffer.slice(open.index);
        break;
      }
      const stop = buffer[gt - 1] === '/' ? end : end + '</row>'.length;
      rowNumber++;
      yield record(buffer.slice(open.index, stop));
      buffer = buffer.slice(stop);
    }
  }
  if (!checkedStart) throw new FileFormatError('The XML file is empty.');
  if (/<row[\s>/]/.test(buffer)) throw new FileFormatError(`The XML file is cut short inside record ${rowNumber + 1}.`);
}
