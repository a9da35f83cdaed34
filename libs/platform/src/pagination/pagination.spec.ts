import { AppError } from '../errors/app-error';
import { decodeCursor, encodeCursor, MAX_PAGE_LIMIT, pageLimit, toPage } from './pagination';

describe('pagination', () => {
  const rows = Array.from({ length: 6 }, (_, i) => ({ id: `id-${i}`, createdAt: 1000 + i }));

  it('returns limit rows and a cursor that points after the last one', () => {
    const page = toPage(rows, 5, (r) => ({ id: r.id, createdAt: r.createdAt }));
    expect(page.items.map((r) => r.id)).toEqual(['id-0', 'id-1', 'id-2', 'id-3', 'id-4']);
    expect(decodeCursor(page.nextCursor!)).toEqual({ id: 'id-4', createdAt: 1004 });
  });

  it('has no cursor on the last page', () => {
    expect(toPage(rows.slice(0, 3), 5, (r) => ({ id: r.id })).nextCursor).toBeNull();
  });

  it('caps the limit and defaults it', () => {
    expect(pageLimit({ limit: 10_000 })).toBe(MAX_PAGE_LIMIT);
    expect(pageLimit({})).toBe(20);
  });

  it('rejects a forged cursor as invalid input naming the cursor', () => {
    expect(() => decodeCursor(encodeCursor({ a: 1 }).slice(0, 3) + '!!')).toThrow(AppError);
    try {
      decodeCursor('bm90LWpzb24');
    } catch (error) {
      expect((error as AppError).details?.errors?.[0].field).toBe('cursor');
    }
  });
});
