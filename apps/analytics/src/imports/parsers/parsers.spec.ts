import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FileFormatError, RawRecord, readRecords } from './index';
import type { ImportFileFormat } from '@suite/contracts/analytics';

/** Streams the body in small chunks, so records and strings split across chunk boundaries are exercised. */
const chunked = (body: Buffer | string, size = 7) => {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return Readable.from(
    (function* () {
      for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
    })(),
  );
};
const all = async (format: ImportFileFormat, body: Buffer | string): Promise<RawRecord[]> => {
  const out: RawRecord[] = [];
  for await (const r of readRecords(format, chunked(body))) out.push(r);
  return out;
};

describe('import parsers', () => {
  it('CSV: BOM, quoted commas, doubled quotes, embedded newlines, apostrophes and non-ASCII, numbered from row 2', async () => {
    const csv = '\uFEFFsku,name,price\nA-1,"Mug, large","19.90"\nA-2,"Say ""hi""\nsecond line",5\nA-3,Baker\'s Café 茶,0.5\n';
    expect(await all('CSV', csv)).toEqual([
      { rowNumber: 2, cells: { sku: 'A-1', name: 'Mug, large', price: '19.90' } },
      { rowNumber: 3, cells: { sku: 'A-2', name: 'Say "hi"\nsecond line', price: '5' } },
      { rowNumber: 4, cells: { sku: 'A-3', name: "Baker's Café 茶", price: '0.5' } },
    ]);
  });

  it('CSV: an unclosed quote is a FileFormatError, not a crash', async () => {
    await expect(all('CSV', 'sku,name\nA,"open\n')).rejects.toBeInstanceOf(FileFormatError);
  });

  it('JSON: an array of objects split across chunks; numbers and lists as text', async () => {
    const json =
      '\uFEFF[ {"sku":"J-1","name":"Brace } and ] in \\"text\\"","price":"19.90","tags":["a","b"]},\n{"sku":"J-2","price":7.5,"stock":3,"x":null} ]';
    expect(await all('JSON', json)).toEqual([
      { rowNumber: 2, cells: { sku: 'J-1', name: 'Brace } and ] in "text"', price: '19.90', tags: 'a|b' } },
      { rowNumber: 3, cells: { sku: 'J-2', price: '7.5', stock: '3' } },
    ]);
  });

  it('JSON: not an array, an element that is not an object, or a cut-off file fail with a reason', async () => {
    await expect(all('JSON', '{"sku":"A"}')).rejects.toThrow(/array of objects/);
    await expect(all('JSON', '[1,2]')).rejects.toThrow(/not an object/);
    await expect(all('JSON', '[{"sku":"A"},{"sku":')).rejects.toThrow(/not closed/);
  });

  it('XML: <rows><row> elements, entities and CDATA, values kept as text ("19.90" stays)', async () => {
    const xml =
      '<?xml version="1.0"?>\n<rows>\n<row><sku>X-1</sku><name>Tom &amp; Jerry\'s</name><price>19.90</price></row>\n<row><sku>X-2</sku><name><![CDATA[a < b]]></name><tags>a</tags><tags>b</tags></row><row/></rows>';
    expect(await all('XML', xml)).toEqual([
      { rowNumber: 2, cells: { sku: 'X-1', name: "Tom & Jerry's", price: '19.90' } },
      { rowNumber: 3, cells: { sku: 'X-2', name: 'a < b', tags: 'a|b' } },
      { rowNumber: 4, cells: {} },
    ]);
  });

  it('XML: not XML, a malformed row or a cut-off file fail with a reason', async () => {
    await expect(all('XML', 'sku,name\n')).rejects.toThrow(/not XML/);
    await expect(all('XML', '<rows><row><sku>A</name></row></rows>')).rejects.toBeInstanceOf(FileFormatError);
    await expect(all('XML', '<rows><row><sku>A</sku>')).rejects.toThrow(/cut short/);
  });

  it('EXCEL: the first sheet, its first row the header, rich text and numbers as text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Data');
    sheet.addRow(['sku', 'name', 'price']);
    sheet.addRow(['E-1', { richText: [{ text: 'Café ' }, { text: '茶' }] }, '19.90']);
    sheet.addRow(['E-2', 'Plain', 7.5]);
    const records = await all('EXCEL', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(records).toEqual([
      { rowNumber: 2, cells: { sku: 'E-1', name: 'Café 茶', price: '19.90' } },
      { rowNumber: 3, cells: { sku: 'E-2', name: 'Plain', price: '7.5' } },
    ]);
  });

  it('EXCEL: bytes that are not a workbook fail with a reason', async () => {
    await expect(all('EXCEL', Buffer.from('this is not a zip file at all'))).rejects.toBeInstanceOf(FileFormatError);
  });
});
