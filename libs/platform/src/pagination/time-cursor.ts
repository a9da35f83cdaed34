import { invalid } from '../errors/app-error';
import { decodeCursor } from './pagination';

/**
 * Position after the last row of a newest-first page: its timestamp, ties broken by id, so no row
 * is skipped or repeated when several share a millisecond. Encoded as `{t, i}`.
 */
export interface TimeKey {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor that decodes but was not made by us (or was edited) is the same 400 as an unreadable one. */
export function readTimeCursor(cursor: string | undefined): TimeKey | undefined {
  const key = decodeCursor<Record<string, string>>(cursor);
  if (!key) return undefined;
  const at = typeof key.t === 'string' ? new Date(key.t) : new Date(NaN);
  if (Number.isNaN(at.getTime()) || typeof key.i !== 'string' || !UUID.test(key.i)) {
    throw invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page.', {
      errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page'] }],
    });
  }
  return { at, id: key.i };
}

export const timeKeyOf = (at: string, id: string): Record<string, string> => ({ t: at, i: id });

/** The Prisma `where` fragment of the rows after the cursor, for `orderBy: [{ createdAt: 'desc' }, { id: 'desc' }]`. */
export function newestFirstAfter(cursor: string | undefined): { OR: object[] } | undefined {
  const key = readTimeCursor(cursor);
  return key && { OR: [{ createdAt: { lt: key.at } }, { createdAt: key.at, id: { lt: key.id } }] };
}
