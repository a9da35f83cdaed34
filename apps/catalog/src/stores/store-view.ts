import { StoreView } from '@suite/contracts/catalog';

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
