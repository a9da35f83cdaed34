import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { cellText, FileFormatError, RawRecord } from './records';

const WS = new Set([' ', '\n', '\r', '\t']);

/**
 * A JSON array of objects, split into its elements as the bytes arrive (each element is parsed on its
 * own, so memory holds one record, not the file). Records are numbered like spreadsheet rows: the
 * first object is row 2, so the same data in CSV, Excel, JSON and XML gives the same report.
 */
export async function* jsonRecords(stream: Readable): AsyncGenerator<RawRecord> {
  const decoder = new StringDecoder('utf8');
  let started = false;
  let done = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pending = '';
  let rowNumber = 1;
  const element = (text: string): RawRecord => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new FileFormatError(`Record ${rowNumber} is not valid JSON: ${(error as Error).message}`);
    }
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const t = cellText(v);
      if (t !== undefined) cells[k] = t;
    }
    return { rowNumber, cells };
  };
  for await (const chunk of stream) {
    let text = decoder.write(chunk as Buffer);
    if (!started && rowNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = depth > 0 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (depth === 0) {
        if (WS.has(c)) continue;
        if (!started) {
          if (c !== '[') throw new FileFormatError('A JSON import file is an array of objects: it must start with [.');
          started = true;
        } else if (done) throw new FileFormatError('The JSON file has data after its closing ].');
        else if (c === ']') done = true;
        else if (c === ',') continue;
        else if (c === '{') {
          depth = 1;
          start = i;
        } else throw new FileFormatError(`Record ${rowNumber} of the JSON array is not an object.`);
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          const text_ = pending + text.slice(start, i + 1);
          pending = '';
          start = -1;
          rowNumber++;
          yield element(text_);
        }
      }
    }
    if (depth > 0) pending += text.slice(Math.max(start, 0));
  }
  if (!started || !done) throw new FileFormatError('The JSON array is not closed: the file is cut short or is not JSON.');
}
