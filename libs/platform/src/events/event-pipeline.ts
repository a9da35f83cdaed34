import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CommandBus, ICommand } from '@nestjs/cqrs';
import { UnitOfWork } from '../db/unit-of-work';
import { flattenValidationErrors } from '../errors/validation';
import { EventDefinition, EventMeta } from './event-definition';

/** The payload cannot be handled however often it is retried: it goes to the dead-letter stream at once. */
export class InvalidEventPayload extends Error {}

export type EventHandlerFn = (payload: object, meta: EventMeta) => unknown;

export type Outcome = 'handled' | 'duplicate';

/** Decodes and validates a message body against its event's class. Extra fields are kept (events grow additively). */
export async function decodeEvent(event: EventDefinition<object>, data: Uint8Array): Promise<object> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch (error) {
    throw new InvalidEventPayload(`payload is not JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InvalidEventPayload('payload is not a JSON object');
  const instance = plainToInstance(event.payload, parsed) as object;
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const fields = flattenValidationErrors(errors).map((v) => `${v.field}: ${v.messages.join(', ')}`);
    throw new InvalidEventPayload(`payload of ${event.subject} is invalid: ${fields.join('; ')}`);
  }
  return instance;
}

/**
 * The commands a handler returned: class instances, alone or in an array. Plain data (the row a
 * handler's own write returned) is not a command; a class without a command handler fails loudly.
 */
export function commandsIn(result: unknown): ICommand[] {
  const items = Array.isArray(result) ? result : [result];
  return items.filter(
    (item): item is ICommand =>
      typeof item === 'object' &&
      item !== null &&
      ![Object.prototype, null].includes(Object.getPrototypeOf(item)) &&
      !(item instanceof Date),
  );
}

const INBOX_INSERT =
  'INSERT INTO processed_event (consumer, message_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING message_id AS id';
/** The inbox rows this batch just wrote for messages it hands back unhandled (never an older row: that one was handled). */
const INBOX_FORGET = 'DELETE FROM processed_event WHERE consumer = $1 AND message_id = ANY($2::text[])';

interface SqlTx {
  $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface Delivery {
  payload: object;
  meta: EventMeta;
}

/**
 * Runs one handler for a batch of messages in ONE transaction: each message's inbox row, the
 * handler's writes and the writes of the commands it returns commit together, or none of them do
 * (the caller then retries the messages one by one, so one failure does not hold back the rest).
 * A message whose inbox row exists already (a redelivery after a commit whose ack was lost)
 * changes nothing. A batch shares one transaction's fixed cost (BEGIN, COMMIT, a pooled connection),
 * which under load is most of the cost of a small handler.
 * Without a database (the gateway) each handler runs once per delivery, with no inbox.
 * When `stopping` turns true mid-batch, the messages handled so far commit and the rest are left out.
 */
export async function runHandlers(
  deps: { uow?: UnitOfWork; commandBus: CommandBus; timeoutMs: number },
  handler: EventHandlerFn,
  deliveries: Delivery[],
  stopping: () => boolean = () => false,
): Promise<Outcome[]> {
  const invoke = async ({ payload, meta }: Delivery) => {
    const result = await handler(payload, meta);
    for (const command of commandsIn(result)) await deps.commandBus.execute(command);
  };
  if (!deps.uow) {
    for (const delivery of deliveries) await invoke(delivery);
    return deliveries.map(() => 'handled');
  }
  return deps.uow.run(
    async (tx: SqlTx) => {
      // One statement for the whole batch's inbox rows: the ids it returns are the messages not handled before.
      const fresh = new Set(
        (
          await tx.$queryRawUnsafe<{ id: string }[]>(
            INBOX_INSERT,
            deliveries[0].meta.consumer,
            deliveries.map((d) => d.meta.messageId),
          )
        ).map((r) => r.id),
      );
      const outcomes: Outcome[] = [];
      for (const delivery of deliveries) {
        // Shutting down: commit what is done; the caller hands the rest back (fewer outcomes than deliveries).
        if (stopping() && outcomes.length > 0) {
          const handedBack = deliveries
            .slice(outcomes.length)
            .map((d) => d.meta.messageId)
            .filter((id) => fresh.has(id));
          await tx.$executeRawUnsafe(INBOX_FORGET, delivery.meta.consumer, handedBack);
          break;
        }
        if (!fresh.has(delivery.meta.messageId)) {
          outcomes.push('duplicate');
          continue;
        }
        await invoke(delivery);
        outcomes.push('handled');
      }
      return outcomes;
    },
    { timeout: deps.timeoutMs, maxWait: deps.timeoutMs },
  );
}
