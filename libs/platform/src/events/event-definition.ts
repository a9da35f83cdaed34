/**
 * An event as libs/contracts declares it: its subject, the class its payload is validated against
 * and a version. Contracts write these as plain object literals (they may not import the platform);
 * this interface matches them structurally.
 */
export interface EventDefinition<T extends object = object> {
  readonly subject: string;
  readonly payload: new () => T;
  readonly version: number;
}

/** Written by enqueueEvent beside Nats-Msg-Id, so a consumer can tell payload versions apart. */
export const EVENT_VERSION_HEADER = 'Event-Version';

/** What a handler may want to know about the message besides its payload. */
export interface EventMeta {
  /** Nats-Msg-Id (the outbox row id): the same on every redelivery and in every consumer. */
  messageId: string;
  subject: string;
  /** 1 on the first delivery. */
  deliveryCount: number;
  /** When the stream stored the message. */
  publishedAt: Date;
  /** The request id of the call that caused the event, when there was one. */
  requestId?: string;
  /** The durable that delivered it: `<service>__<handler>`. */
  consumer: string;
}
