import { Prisma } from '@suite/db/analytics';

/** One AnalyticsEvent row, as the tracking endpoint and the event consumer both write it. */
export interface EventRecord {
  eventType: string;
  entityType: string | null;
  entityId: string | null;
  userId: string | null;
  metadata: Prisma.InputJsonValue | null;
  timestamp: Date;
}

const camel = (text: string) => text.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const kebab = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const idOf = (value: unknown): string | null =>
  (typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : null;

/**
 * What an event is about: the entity its subject names (`evt.orders.order.placed` -> order) with
 * the payload's id of it (orderId). When the payload has no such id (`evt.catalog.stock.low`
 * carries productId), the first id it has names the entity instead, so the row still points at a
 * record someone can look up.
 */
export function entityOf(subject: string, payload: Record<string, unknown>): { entityType: string | null; entityId: string | null } {
  const entity = subject.split('.')[2];
  const named = entity ? idOf(payload[`${camel(entity)}Id`]) : null;
  if (entity && named) return { entityType: entity, entityId: named };
  for (const [key, value] of Object.entries(payload)) {
    const id = key.length > 2 && key.endsWith('Id') ? idOf(value) : null;
    if (id) return { entityType: kebab(key.slice(0, -2)), entityId: id };
  }
  return { entityType: entity ?? null, entityId: null };
}

/**
 * When the event happened: its `occurredAt` when it says so (a replayed or imported event, whose
 * metrics belong to the day it happened), never later than the stream stored it; else the publish time.
 */
export function occurredAt(payload: Record<string, unknown>, publishedAt: Date): Date {
  const said = typeof payload.occurredAt === 'string' ? new Date(payload.occurredAt) : null;
  return said && !Number.isNaN(said.getTime()) && said <= publishedAt ? said : publishedAt;
}

/** The row for one event of another service: its subject is the type, its whole payload the metadata. */
export function recordOf(subject: string, payload: Record<string, unknown>, publishedAt: Date): EventRecord {
  return {
    eventType: subject,
    ...entityOf(subject, payload),
    userId: idOf(payload.userId),
    metadata: payload as Prisma.InputJsonObject,
    timestamp: occurredAt(payload, publishedAt),
  };
}
