import { TimeKey } from '@suite/platform';
import { AuditLogFilter, AuditLogView } from '@suite/contracts/identity';
import { Prisma } from '@suite/db/identity';

/**
 * The filters as equality and range conditions on the indexed columns ((userId, timestamp),
 * (action, timestamp), (entity, entityId)) plus a keyset condition for the page, so a page is an
 * index range scan and never an OFFSET.
 */
export function auditLogWhere(filter: AuditLogFilter, after?: TimeKey): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.userId) and.push({ userId: filter.userId });
  if (filter.action) and.push({ action: filter.action });
  if (filter.entity) and.push({ entity: filter.entity });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.from) and.push({ timestamp: { gte: new Date(filter.from) } });
  if (filter.to) and.push({ timestamp: { lt: new Date(filter.to) } });
  if (after) and.push({ OR: [{ timestamp: { lt: after.at } }, { timestamp: after.at, id: { lt: after.id } }] });
  return and.length > 0 ? { AND: and } : {};
}

interface AuditRow {
  id: string;
  userId: string | null;
  impersonatorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  oldValues: unknown;
  newValues: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  timestamp: Date;
}

export const toAuditLogView = (r: AuditRow): AuditLogView => ({ ...r, timestamp: r.timestamp.toISOString() });
