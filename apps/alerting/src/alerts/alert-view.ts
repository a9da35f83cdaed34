import { AlertView } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';

export const WITH_ACKS = { acknowledgments: { orderBy: { createdAt: 'asc' } } } satisfies Prisma.AlertInclude;
type Row = Prisma.AlertGetPayload<{ include: typeof WITH_ACKS }>;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toAlertView = (a: Row): AlertView => ({
  id: a.id,
  ruleId: a.ruleId,
  title: a.title,
  message: a.message,
  category: a.category,
  priority: a.priority,
  status: a.status,
  eventType: a.eventType,
  eventId: a.eventId,
  eventData: a.eventData,
  fingerprint: a.fingerprint,
  groupKey: a.groupKey,
  severity: a.severity,
  tags: a.tags,
  metadata: a.metadata,
  occurrenceCount: a.occurrenceCount,
  firstOccurrence: a.firstOccurrence.toISOString(),
  lastOccurrence: a.lastOccurrence.toISOString(),
  triggeredAt: a.triggeredAt.toISOString(),
  acknowledgedAt: iso(a.acknowledgedAt),
  resolvedAt: iso(a.resolvedAt),
  escalatedAt: iso(a.escalatedAt),
  snoozedUntil: iso(a.snoozedUntil),
  deviceId: a.deviceId,
  sensorId: a.sensorId,
  storeId: a.storeId,
  silenceId: a.silenceId,
  acknowledgments: a.acknowledgments.map((k) => ({
    id: k.id,
    userId: k.userId,
    note: k.note,
    expiresAt: iso(k.expiresAt),
    createdAt: k.createdAt.toISOString(),
  })),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});
