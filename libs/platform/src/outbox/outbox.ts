import { randomUUID } from 'node:crypto';
import { markEventEnqueued } from '../db/unit-of-work';
import { EVENT_VERSION_HEADER, EventDefinition } from '../events/event-definition';
import { currentRequestId, REQUEST_ID_HEADER } from '../logging/request-id';

/** Any Prisma client or interactive-transaction client: both can run raw SQL. */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * Records an event in the same transaction as the change it announces (pass the `tx` of
 * `db.$transaction`). The relay publishes it later, so the event exists if and only if the change
 * was committed. Returns the event id, which is also its JetStream Nats-Msg-Id.
 */
export async function enqueueEvent<T extends object>(
  tx: SqlExecutor,
  event: EventDefinition<T>,
  payload: T,
  headers?: Record<string, string>,
): Promise<string>;
export async function enqueueEvent(tx: SqlExecutor, subject: string, payload: unknown, headers?: Record<string, string>): Promise<string>;
export async function enqueueEvent(
  tx: SqlExecutor,
  event: string | EventDefinition<object>,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<string> {
  const subject = typeof event === 'string' ? event : event.subject;
  const id = randomUUID();
  const requestId = currentRequestId();
  const allHeaders = requestId ? { [REQUEST_ID_HEADER]: requestId, ...headers } : headers;
  await tx.$executeRawUnsafe(
    'INSERT INTO outbox_event (id, subject, payload, headers) VALUES ($1::uuid, $2, $3::jsonb, $4::jsonb)',
    id,
    subject,
    JSON.stringify(payload),
    JSON.stringify(typeof event === 'string' ? allHeaders : { [EVENT_VERSION_HEADER]: String(event.version), ...allHeaders }),
  );
  markEventEnqueued();
  return id;
}
