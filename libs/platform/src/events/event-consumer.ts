import { Logger } from '@nestjs/common';
import { nanos } from '@nats-io/nats-core';
import { AckPolicy, Consumer, DeliverPolicy, JsMsg } from '@nats-io/jetstream';
import { JetStreamService, StreamSpec } from '../nats/jetstream';
import { REQUEST_ID_HEADER } from '../logging/request-id';
import {
  consumerDeadLettered,
  consumerDuration,
  consumerFailed,
  consumerHandled,
  consumerRedelivered,
  registerLagSource,
} from './consumer-metrics';
import { DEAD_LETTER_STREAM, DeadLetterReason, publishDeadLetter } from './dead-letter';
import { EventDefinition, EventMeta } from './event-definition';
import { decodeEvent, Delivery, InvalidEventPayload, Outcome } from './event-pipeline';

export interface ConsumerSettings {
  service: string;
  /** `<class>-<method>` or the name given to @OnEvent. */
  handler: string;
  event: EventDefinition<object>;
  stream: StreamSpec;
  /** The event's subject, narrowed to this stream when the event names a family across services. */
  filter: string;
  maxDeliver: number;
  backoffMs: number[];
  ackWaitMs: number;
  maxAckPending: number;
  concurrency: number;
  /** Most messages one transaction takes (MAX_BATCH when unset). */
  maxBatch?: number;
}

/** Runs the handler over decoded messages in one transaction (inbox, commit); supplied by EventConsumers. */
export type Dispatch = (deliveries: Delivery[], stopping?: () => boolean) => Promise<Outcome[]>;

/** How long one pull stays open on the server; also how long a draining replica may wait for it. */
const FETCH_EXPIRES_MS = 2000;

/** Most messages one transaction takes: enough to share its fixed cost, few enough to keep a retry cheap. */
const MAX_BATCH = 16;

/** Durable names allow no dots, wildcards or spaces. */
export const durableName = (service: string, handler: string) => `${service}__${handler}`.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * One durable pull consumer on one stream. Every replica of the service binds the same durable, so
 * the server hands each message to one of them. A message is acked only after its handler's
 * transaction committed; a failure is nak'ed with the backoff for its delivery count; after
 * maxDeliver deliveries, or at once when the payload is invalid, it is copied to the dead-letter
 * stream and terminated, and the consumer carries on with the next message.
 */
export class EventConsumer {
  readonly durable: string;
  private readonly logger: Logger;
  private looping?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  /** Fetched and not yet taken by a worker. */
  private readonly queue: JsMsg[] = [];
  /** Workers waiting for messages, and the fetch loop waiting for room in the queue. */
  private idleWorkers: (() => void)[] = [];
  private waitingForRoom?: () => void;
  private stopping = false;
  private unregisterLag?: () => void;

  constructor(
    private readonly settings: ConsumerSettings,
    private readonly jetstream: JetStreamService,
    private readonly dispatch: Dispatch,
  ) {
    this.durable = durableName(settings.service, settings.handler);
    this.logger = new Logger(`Consumer ${this.durable}`);
  }

  get stream(): string {
    return this.settings.stream.name;
  }

  /** Creates the durable, or updates it so changed settings apply to one that exists already. */
  async ensure(): Promise<void> {
    const { stream, filter, maxDeliver, ackWaitMs, maxAckPending } = this.settings;
    await this.jetstream.ensureStream(stream);
    // Without it, the first poison message could not be set aside and would block its slot forever.
    await this.jetstream.ensureStream(DEAD_LETTER_STREAM);
    const jsm = await this.jetstream.manager();
    const config = {
      ack_policy: AckPolicy.Explicit,
      filter_subject: filter,
      // One more than ours: a process that dies during the last attempt still gets it back to dead-letter it.
      max_deliver: maxDeliver + 1,
      ack_wait: nanos(ackWaitMs),
      max_ack_pending: maxAckPending,
    };
    const existing = await jsm.consumers.info(stream.name, this.durable).catch(() => null);
    if (!existing) {
      await jsm.consumers.add(stream.name, { ...config, durable_name: this.durable, deliver_policy: DeliverPolicy.All });
      return;
    }
    try {
      await jsm.consumers.update(stream.name, this.durable, config);
    } catch (error) {
      if (existing.config.filter_subject === filter) throw error;
      // Servers before 2.10 cannot change a filter in place: recreate the durable where the old one
      // had acked up to. Not from the start: what it dead-lettered has no inbox row and would run again.
      this.logger.warn({ err: error }, 'consumer filter cannot be updated in place; recreating the durable');
      await jsm.consumers.delete(stream.name, this.durable);
      await jsm.consumers.add(stream.name, {
        ...config,
        durable_name: this.durable,
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: existing.ack_floor.stream_seq + 1,
      });
    }
  }

  async start(): Promise<void> {
    const consumer = await this.attach();
    this.unregisterLag = registerLagSource(async () => ({ consumer: this.durable, stream: this.stream, pending: await this.pending() }));
    this.looping = this.loop(consumer);
  }

  private async attach(): Promise<Consumer> {
    await this.ensure();
    return (await this.jetstream.client()).consumers.get(this.stream, this.durable);
  }

  /** Messages waiting in the stream for this durable plus those delivered and not yet acked. */
  async pending(): Promise<number> {
    const info = await (await this.jetstream.manager()).consumers.info(this.stream, this.durable);
    return info.num_pending + info.num_ack_pending;
  }

  /**
   * Stops taking messages and waits for the handlers running now to commit and ack. Messages
   * fetched but not started are handed back; the pull that is still open is left to expire, as
   * NATS 2.9 would go on delivering into it after an unsubscribe and those would wait for ackWait.
   */
  async drain(): Promise<void> {
    this.stopping = true;
    this.unregisterLag?.();
    this.wakeAll();
    await this.looping;
    await Promise.allSettled([...this.inFlight]);
    // Acks and naks are fire-and-forget publishes: they must leave before the connection closes.
    await (await this.jetstream.nats()).flush().catch(() => undefined);
  }

  /**
   * Pulls with fetch rather than consume: a fetch ends by itself (full or expired), so a draining
   * replica knows when nothing more can arrive for it. Fetched messages queue for `concurrency`
   * workers; a worker takes what is queued (up to maxBatch, MAX_BATCH by default) into one transaction, so a lone
   * message is handled at once and a backlog in batches.
   */
  private async loop(attached: Consumer): Promise<void> {
    let consumer = attached;
    const fetchSize = this.settings.concurrency * MAX_BATCH;
    const workers = Array.from({ length: this.settings.concurrency }, () => this.work());
    while (!this.stopping) {
      try {
        if (this.queue.length >= fetchSize) {
          await new Promise<void>((resolve) => (this.waitingForRoom = resolve));
          continue;
        }
        const batch = await consumer.fetch({ max_messages: fetchSize, expires: FETCH_EXPIRES_MS });
        for await (const message of batch) {
          // Delayed past our open pull, so another replica (or this one after a restart) gets it.
          if (this.stopping) message.nak(FETCH_EXPIRES_MS);
          else this.enqueue(message);
        }
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn({ err: error }, 'pulling events failed; trying again');
        await new Promise((r) => setTimeout(r, 1000));
        // A durable deleted on the server (by hand, or with its stream) comes back with our settings.
        consumer = await this.attach().catch(() => consumer);
      }
    }
    this.wakeAll();
    await Promise.all(workers);
  }

  private enqueue(message: JsMsg): void {
    this.queue.push(message);
    this.idleWorkers.shift()?.();
  }

  private wakeAll(): void {
    for (const wake of this.idleWorkers.splice(0)) wake();
    this.waitingForRoom?.();
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.stopping) {
        for (const message of this.queue.splice(0)) message.nak(FETCH_EXPIRES_MS);
        return;
      }
      if (this.queue.length === 0) {
        await new Promise<void>((resolve) => this.idleWorkers.push(resolve));
        continue;
      }
      const taken = this.queue.splice(0, this.settings.maxBatch ?? MAX_BATCH);
      const room = this.waitingForRoom;
      this.waitingForRoom = undefined;
      room?.();
      const run = this.handleBatch(taken);
      this.inFlight.add(run);
      await run;
      this.inFlight.delete(run);
    }
  }

  private metaOf(message: JsMsg): EventMeta {
    return {
      messageId: message.headers?.get('Nats-Msg-Id') || `${this.stream}:${message.seq}`,
      subject: message.subject,
      deliveryCount: message.info.deliveryCount,
      publishedAt: new Date(Math.floor(message.info.timestampNanos / 1e6)),
      requestId: message.headers?.get(REQUEST_ID_HEADER) || undefined,
      consumer: this.durable,
    };
  }

  /** Sets aside what cannot run (invalid, exhausted), then handles the rest together. */
  private async handleBatch(messages: JsMsg[]): Promise<void> {
    const started = process.hrtime.bigint();
    const ready: (Delivery & { message: JsMsg })[] = [];
    for (const message of messages) {
      const meta = this.metaOf(message);
      if (meta.deliveryCount > 1) consumerRedelivered.inc({ consumer: this.durable });
      try {
        if (meta.deliveryCount > this.settings.maxDeliver) throw new ExhaustedBeforeRun();
        ready.push({ message, meta, payload: await decodeEvent(this.settings.event, message.data) });
      } catch (error) {
        await this.fail(message, meta, error as Error);
      }
    }
    if (ready.length === 0) return;
    if (ready.length > 1) {
      try {
        const outcomes = await this.dispatch(ready, () => this.stopping);
        ready.forEach((delivery, i) =>
          i < outcomes.length ? this.done(delivery.message, outcomes[i], started) : delivery.message.nak(FETCH_EXPIRES_MS),
        );
        return;
      } catch {
        // One of them failed and took the batch down with it: run each alone, so only that one is retried.
      }
    }
    for (const [i, delivery] of ready.entries()) {
      if (this.stopping && i > 0) delivery.message.nak(FETCH_EXPIRES_MS);
      else await this.handleOne(delivery, delivery.message);
    }
  }

  private async handleOne(delivery: Delivery, message: JsMsg): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      const [outcome] = await this.dispatch([delivery]);
      this.done(message, outcome, started);
    } catch (error) {
      await this.fail(message, delivery.meta, error as Error);
    }
  }

  private done(message: JsMsg, outcome: Outcome, started: bigint): void {
    message.ack();
    consumerHandled.inc({ consumer: this.durable, outcome });
    consumerDuration.observe({ consumer: this.durable }, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async fail(message: JsMsg, meta: EventMeta, error: Error): Promise<void> {
    const invalid = error instanceof InvalidEventPayload;
    if (!invalid && !(error instanceof ExhaustedBeforeRun)) consumerFailed.inc({ consumer: this.durable });
    if (invalid || meta.deliveryCount >= this.settings.maxDeliver) {
      const reason: DeadLetterReason = invalid ? 'invalid_payload' : 'deliveries_exhausted';
      try {
        await publishDeadLetter(await this.jetstream.nats(), {
          service: this.settings.service,
          handler: this.settings.handler,
          consumer: this.durable,
          subject: meta.subject,
          messageId: meta.messageId,
          deliveries: meta.deliveryCount,
          streamSequence: message.seq,
          reason,
          error: error.message,
          data: message.data,
          carried: message.headers,
        });
      } catch (publishError) {
        // Not copied: leave it unacked so it comes back (the extra delivery the server allows).
        this.logger.error({ err: publishError, messageId: meta.messageId }, 'dead-letter publish failed; the message will be redelivered');
        message.nak(this.backoff(meta.deliveryCount));
        return;
      }
      // No reason argument: NATS 2.9 ignores a `+TERM <reason>` ack, which would leave the message pending
      // forever (the reason is in the dead letter's headers).
      message.term();
      consumerDeadLettered.inc({ consumer: this.durable, reason });
      this.logger.error(
        { messageId: meta.messageId, subject: meta.subject, deliveries: meta.deliveryCount, reason, error: error.message },
        'event moved to the dead-letter stream',
      );
      return;
    }
    this.logger.warn(
      { messageId: meta.messageId, subject: meta.subject, delivery: meta.deliveryCount, error: error.message },
      'event handler failed; will retry',
    );
    message.nak(this.backoff(meta.deliveryCount));
  }

  private backoff(deliveryCount: number): number {
    const steps = this.settings.backoffMs;
    return steps[Math.min(deliveryCount, steps.length) - 1] ?? 1000;
  }
}

/** The server redelivered a message past our limit (the process died during the last attempt). */
class ExhaustedBeforeRun extends Error {
  constructor() {
    super('deliveries exhausted (the process handling the last attempt stopped)');
  }
}
