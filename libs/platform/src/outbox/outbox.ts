import { markEventEnqueued } from '../db/unit-of-work';
import { EVENT_VERSION_HEADER, EventDefinition } from '../events/event-definition';
import { currentRequestId, REQUEST_ID_HEADER } from '../logging/request-id';
import { eventId } from './event-id';

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
  const row = outboxRow(event, payload, headers);
  await tx.$executeRawUnsafe(
    'INSERT INTO outbox_event (id, subject, payload, headers) VALUES ($1::uuid, $2, $3::jsonb, $4::jsonb)',
    row.id,
    row.subject,
    row.payload,
    row.headers,
  );
  return row.id;
}

/** An outbox row as enqueueEvent writes it (payload and headers as JSON text). */
export interface OutboxRow {
  id: string;
  subject: string;
  payload: string;
  headers: string;
}

/**
 * The outbox row of an event, for a caller that writes it within a statement of its own (one round trip
 * for a change and its event): insert it into outbox_event (id, subject, payload, headers) in the SAME
 * transaction. Like enqueueEvent it marks the unit of work, so the relay is woken after the commit.
 */
export function outboxRow<T extends object>(event: EventDefinition<T>, payload: T, headers?: Record<string, string>): OutboxRow;
export function outboxRow(event: string | EventDefinition<object>, payload: unknown, headers?: Record<string, string>): OutboxRow;
export function outboxRow(event: string | EventDefinition<object>, payload: unknown, headers: Record<string, string> = {}): OutboxRow {
  const subject = typeof event === 'string' ? event : event.subject;
  const requestId = currentRequestId();
  const allHeaders = requestId ? { [REQUEST_ID_HEADER]: requestId, ...headers } : headers;
  markEventEnqueued();
  return {
    id: eventId(),
    subject,
    payload: JSON.stringify(payload),
    headers: JSON.stringify(typeof event === 'string' ? allHeaders : { [EVENT_VERSION_HEADER]: String(event.version), ...allHeaders }),
  };
}
