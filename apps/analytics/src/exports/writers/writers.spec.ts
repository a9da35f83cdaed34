import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { PassThrough } from 'node:stream';
import { ExportCell } from './export-writer';
import { escapeXml } from './xml-export-writer';
import { EXPORT_EXTENSIONS, exportWriterFor } from './writers';

const columns = ['id', 'name', 'price', 'note'];
/** Every kind of text a writer could get wrong: separators, quotes, line breaks, markup, non-ASCII, formulas, blanks. */
const rows: ExportCell[][] = [
  ['1', 'Café, "quoted"\nsecond line', '12.50', "O'Brien <b>&amp;</b>"],
  ['2', 'Ünïcødé 漢字 🍄', '0.10', null],
  ['3', '=SUM(A1:A2)', '1000000.00', 'tab\there; cr\r\nlf'],
  ['4', '  spaced  ', '7.00', ''],
];

async function written(format: keyof typeof EXPORT_EXTENSIONS, pages: ExportCell[][][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = exportWriterFor(format, { columns, out, root: 'products', item: 'product' });
  for (const page of pages) await writer.write(page);
  await writer.finish();
  return Buffer.concat(chunks);
}

const asObjects = (cells: ExportCell[][], blank: (v: ExportCell) => unknown = (v) => v) =>
  cells.map((r) => Object.fromEntries(columns.map((c, i) => [c, blank(r[i])])));

describe('export writers', () => {
  it('CSV: a BOM, a header and every field back as written (null is an empty field)', async () => {
    const bytes = await written('CSV', [rows.slice(0, 2), rows.slice(2)]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes, { bom: true, columns: true })).toEqual(asObjects(rows, (v) => v ?? ''));
  });

  it('JSON: an array of objects with nulls kept, and [] for no rows', async () => {
    expect(JSON.parse((await written('JSON', [rows.slice(0, 1), [], rows.slice(1)])).toString('utf8'))).toEqual(asObjects(rows));
    expect(JSON.parse((await written('JSON', [])).toString('utf8'))).toEqual([]);
  });

  it('XML: escaped markup, CR kept, a null cell without an element, parsed back by fast-xml-parser', async () => {
    const text = (await written('XML', [rows.slice(0, 3), rows.slice(3)])).toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<products>')).toBe(true);
    expect(text).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    const parser = new XMLParser({
      trimValues: false,
      parseTagValue: false,
      processEntities: true,
      htmlEntities: true,
      isArray: (n) => n === 'product',
    });
    const back = parser.parse(text).products.product as Record<string, string>[];
    expect(back).toEqual(asObjects(rows).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null))));
    expect(parser.parse((await written('XML', [])).toString('utf8')).products).toBe('\n');
  });

  it('XML: drops the characters XML 1.0 cannot carry and refuses a column that is no element name', () => {
    expect(escapeXml('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('abcde');
    expect(escapeXml('\uD83C\uDF44 and a lone \uD83C')).toBe('\uD83C\uDF44 and a lone ');
    expect(() => exportWriterFor('XML', { columns: ['ok', 'not ok'], out: new PassThrough(), root: 'r', item: 'i' })).toThrow(/not ok/);
  });

  it('EXCEL: one sheet, a header row and text cells as written (prices are not turned into numbers)', async () => {
    // Two limits of the round trip, not of the file: exceljs's reader decodes entities twice (the file holds
    // `&amp;amp;`, Excel shows `&amp;`), and a CR inside a cell is raw in the sheet's XML, which every XML
    // reader turns into LF. So this table has a bare `&` and LF only.
    const rows = [
      ['1', 'Café, "quoted"\nsecond line', '12.50', "O'Brien <b>&</b>"],
      ['2', 'Ünïcødé 漢字 🍄', '0.10', null],
      ['3', '=SUM(A1:A2)', '1000000.00', 'tab\there; lf\nlf'],
      ['4', '  spaced  ', '7.00', ''],
    ];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await written('EXCEL', [rows.slice(0, 2), rows.slice(2)])) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('products');
    const values = (sheet.getSheetValues().slice(1) as unknown[][]).map((r) => columns.map((_, i) => r[i + 1] ?? null));
    expect(values[0]).toEqual(columns);
    expect(values.slice(1)).toEqual(rows.map((r) => r.map((v) => (v === '' ? null : v))));
  });
});
