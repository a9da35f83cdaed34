import { StoreView } from '@suite/contracts/catalog';
import { decodeCursor, invalid } from '@suite/platform';

interface StoreRow {
  id: string;
  teamId: string;
  name: string;
  platform: StoreView['platform'];
  platformStoreId: string | null;
  domain: string | null;
  currency: string;
  apiCredentials: string | null;
  isActive: boolean;
  lastSyncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The one way a store leaves the service: the encrypted credentials are reduced to a flag. */
export const toStoreView = (s: StoreRow): StoreView => ({
  id: s.id,
  teamId: s.teamId,
  name: s.name,
  platform: s.platform,
  platformStoreId: s.platformStoreId,
  domain: s.domain,
  currency: s.currency,
  hasCredentials: s.apiCredentials !== null,
  isActive: s.isActive,
  lastSyncedAt: s.lastSyncedAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Newest-first position `{t, i}`: ties on createdAt broken by id so no row is skipped or repeated. */
export function readStoreCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  const key = decodeCursor<Record<string, string>>(cursor);
  if (!key) return undefined;
  const at = typeof key.t === 'string' ? new Date(key.t) : new Date(NaN);
  if (Number.isNaN(at.getTime()) || typeof key.i !== 'string' || !UUID.test(key.i)) {
    throw invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page.', { errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page'] }] });
  }
  return { at, id: key.i };
}

export const storeCursorOf = (s: StoreView): Record<string, string> => ({ t: s.createdAt, i: s.id });
