import { endOf, ExportCell, ExportWriter, ExportWriterContext, writeTo } from './export-writer';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all (not even as references): C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const UNREPRESENTABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/**
 * Text as XML character data: markup characters escaped, CR as a reference (a parser would turn a
 * raw CRLF into LF), and the few characters XML 1.0 cannot represent dropped.
 */
export function escapeXml(text: string): string {
  return text.replace(UNREPRESENTABLE, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
}

/**
 * `<root><item><column>value</column>...</item>...</root>`, item by item. A null cell has no
 * element (an empty element is the empty string), so the two read back apart.
 */
export class XmlExportWriter implements ExportWriter {
  constructor(private readonly ctx: ExportWriterContext) {
    for (const name of [ctx.root, ctx.item, ...ctx.columns]) if (!NAME.test(name)) throw new Error(`Not an XML element name: ${name}`);
  }

  private started = false;

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await writeTo(this.ctx.out, `<?xml version="1.0" encoding="UTF-8"?>\n<${this.ctx.root}>\n`);
  }

  async write(rows: ExportCell[][]): Promise<void> {
    await this.start();
    let chunk = '';
    for (const row of rows) {
      chunk += `  <${this.ctx.item}>`;
      this.ctx.columns.forEach((c, i) => {
        const cell = row[i];
        if (cell !== null && cell !== undefined) chunk += `<${c}>${escapeXml(cell)}</${c}>`;
      });
      chunk += `</${this.ctx.item}>\n`;
    }
    await writeTo(this.ctx.out, chunk);
  }

  async finish(): Promise<void> {
    await this.start();
    await writeTo(this.ctx.out, `</${this.ctx.root}>\n`);
    await endOf(this.ctx.out);
  }
}
