/** One record of an import file: its row number (the header is row 1) and its cells by header, as text. */
export interface RawRecord {
  rowNumber: number;
  cells: Record<string, string>;
}

/** A file that cannot be read as its format says: the job fails with this message as its reason. */
export class FileFormatError extends Error {}

/** Any cell value of a parsed file as the text it showed: numbers as written, lists joined by "|", nothing for null. */
export function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return value
      .map(cellText)
      .filter((v) => v !== undefined)
      .join('|');
  return JSON.stringify(value);
}
