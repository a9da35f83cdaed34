import { decodeCursor, invalid } from '@suite/platform';

/**
 * Rules are listed in the order routing tries them: priority ascending, ties by creation, then id.
 * The cursor is the last row's key `{p, t, i}`.
 */
export interface RuleKey {
  priority: number;
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const badCursor = () =>
  invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page.', {
    errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page'] }],
  });

export const ruleKeyOf = (r: { priority: number; createdAt: string; id: string }): Record<string, string | number> => ({
  p: r.priority,
  t: r.createdAt,
  i: r.id,
});

export function readRuleCursor(cursor: string | undefined): RuleKey | undefined {
  const key = decodeCursor<Record<string, string | number>>(cursor);
  if (!key) return undefined;
  const at = typeof key.t === 'string' ? new Date(key.t) : new Date(NaN);
  if (!Number.isInteger(key.p) || Number.isNaN(at.getTime()) || typeof key.i !== 'string' || !UUID.test(key.i)) throw badCursor();
  return { priority: key.p as number, at, id: key.i };
}

/** The Prisma `where` fragment of the rows after the cursor, for `orderBy: [priority asc, createdAt asc, id asc]`. */
export function rulesAfter(cursor: string | undefined): { OR: object[] } | undefined {
  const key = readRuleCursor(cursor);
  return (
    key && {
      OR: [
        { priority: { gt: key.priority } },
        { priority: key.priority, createdAt: { gt: key.at } },
        { priority: key.priority, createdAt: key.at, id: { gt: key.id } },
      ],
    }
  );
}
