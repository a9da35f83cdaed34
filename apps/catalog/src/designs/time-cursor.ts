import { decodeCursor, invalid } from '@suite/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Position after the last row of a newest-first page: its timestamp, ties broken by id, so no row
 * is skipped or repeated when several share a millisecond. Encoded as `{t, i}`.
 */
export function newestFirstAfter(cursor: string | undefined): { OR: object[] } | undefined {
  const key = decodeCursor<Record<string, string>>(cursor);
  if (!key) return undefined;
  const at = typeof key.t === 'string' ? new Date(key.t) : new Date(NaN);
  if (Number.isNaN(at.getTime()) || typeof key.i !== 'string' || !UUID.test(key.i)) {
    throw invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page.', { errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page'] }] });
  }
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: key.i } }] };
}

export const timeKeyOf = (row: { createdAt: string; id: string }): Record<string, string> => ({ t: row.createdAt, i: row.id });
