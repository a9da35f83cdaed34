import { SetMetadata } from '@nestjs/common';
import { EventDefinition } from './event-definition';

export interface ConsumerOptions {
  /** Names the durable (`<service>__<name>`); defaults to `<class>-<method>` in kebab case. Renaming it starts a new durable. */
  name?: string;
  /** Deliveries before the message goes to the dead-letter stream (EVENT_MAX_DELIVER by default). */
  maxDeliver?: number;
  /** Delay before each redelivery of a failed message: the n-th failure waits backoffMs[n-1] (the last one repeats). */
  backoffMs?: number[];
  /** How long the server waits for an ack before it redelivers (EVENT_ACK_WAIT_MS by default). */
  ackWaitMs?: number;
  /** Messages handed out and not yet acked, across every replica (server-side flow control). */
  maxAckPending?: number;
  /** Handlers running at once in one process. Events of one consumer may then complete out of order. */
  concurrency?: number;
  /**
   * Most messages one transaction takes (16 by default: a backlog shares BEGIN/COMMIT). 1 for a handler
   * that writes rows other messages of the same consumer write too (counters): a batch holds each row it
   * changed until its last message commits, so concurrent batches would wait on, or deadlock with, each other.
   */
  maxBatch?: number;
}

export interface EventHandlerMetadata {
  event: EventDefinition<object>;
  options: ConsumerOptions;
}

export const ON_EVENT_METADATA = 'suite:on-event';

/**
 * Declares a method as the handler of an event: the platform gives it a durable JetStream consumer
 * of its own, validates the payload against the event's class, writes the inbox row in the same
 * transaction as the handler's effects and acks after the commit; failures are redelivered with
 * backoff and end in the dead-letter stream.
 *
 * The method receives `(payload, meta)` and either does its work through the UnitOfWork (which
 * joins the consumer's transaction) or returns a command (or an array of them) that the platform
 * executes on the CommandBus inside that transaction. Plain data it returns is not a command.
 * A handler is retried: it must not call out of the process with effects a rollback cannot undo
 * (enqueue an event instead).
 *
 *   @OnEvent(OrderCancelled)
 *   onCancelled(event: OrderEventPayload) { return new ReleaseStockCommand(event.orderId); }
 */
export const OnEvent = (event: EventDefinition<object>, options: ConsumerOptions = {}): MethodDecorator =>
  SetMetadata<string, EventHandlerMetadata>(ON_EVENT_METADATA, { event, options });
