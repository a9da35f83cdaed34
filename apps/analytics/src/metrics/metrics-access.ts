import { PermissionName, STAFF_ROLES } from '@suite/contracts/identity';
import { AnalyticsDb } from '@suite/db/analytics';
import { accessKit, CallerIdentity, invalid, notFound } from '@suite/platform';
import { QueryScope } from './metrics-query';

/** Staff (admins, finance, support) see every store and device; sellers and leaders their teams' stores; growers their devices. */
export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'ANALYTICS',
  staffRoles: STAFF_ROLES,
});

export const badField = (field: string, message: string) =>
  invalid('ANALYTICS.INVALID_QUERY', message, { errors: [{ field, messages: [message] }] });

/**
 * What the caller may read, with the filters they asked for. A store, team or device they may not
 * see (or that analytics never heard of) is a 404, the same answer either way.
 */
export async function scopeFor(db: AnalyticsDb, caller: CallerIdentity, filters: QueryScope['filters']): Promise<QueryScope> {
  requireSignedIn(caller);
  requirePermission(caller, 'analytics:read');
  const staff = isStaff(caller);
  const scope: QueryScope = { teamIds: staff ? null : caller.teamIds, ownerId: staff ? null : (caller.userId ?? null), filters };
  if (filters.storeId !== undefined) {
    const store = await db.analyticsStore.findUnique({ where: { storeId: filters.storeId } });
    if (!store || (!staff && !caller.teamIds.includes(store.teamId ?? '')))
      throw notFound('ANALYTICS.STORE_NOT_FOUND', `Store ${filters.storeId} not found.`);
  }
  if (filters.teamId !== undefined && !staff && !caller.teamIds.includes(filters.teamId))
    throw notFound('ANALYTICS.TEAM_NOT_FOUND', `Team ${filters.teamId} not found.`);
  if (filters.deviceId !== undefined) {
    const device = await db.analyticsDevice.findUnique({ where: { deviceId: filters.deviceId } });
    if (!device || (!staff && device.ownerId !== caller.userId))
      throw notFound('ANALYTICS.DEVICE_NOT_FOUND', `Device ${filters.deviceId} not found.`);
  }
  return scope;
}
