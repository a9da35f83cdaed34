import { invalid } from '../errors/app-error';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page, PageQuery } from '@suite/contracts/core';

// Declared in the contracts, which every list query extends; re-exported for the services.
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, PageQuery, type Page };

/** Cursors are the sort key of the last row, opaque to clients so the key can change without breaking them. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as T;
  } catch {
    // fall through to the error below
  }
  throw invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page.', {
    errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page'] }],
  });
}

export function pageLimit(query: PageQuery): number {
  return Math.min(query.limit ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT);
}

/**
 * Builds a page from rows fetched with `take: limit + 1`: the extra row only says whether there is
 * a next page, and is never returned.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => Record<string, string | number>): Page<T> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length > 0 ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
