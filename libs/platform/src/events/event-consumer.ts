import { Logger } from '@nestjs/common';
import { nanos } from '@nats-io/nats-core';
import { AckPolicy, Consumer, DeliverPolicy, JsMsg } from '@nats-io/jetstream';
import { JetStreamService, StreamSpec } from '../nats/jetstream';
import { REQUEST_ID_HEADER } from '../logging/request-id';
import { consumerDeadLettered, consumerDuration, consumerFailed, consumerHandled, consumerRedelivered, registerLagSource } from './consumer-metrics';
import { DEAD_LETTER_STREAM, DeadLetterReason, publishDeadLetter } from './dead-letter';
import { EventDefinition, EventMeta } from './event-definition';
import { decodeEvent, InvalidEventPayload, Outcome } from './event-pipeline';

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
}

/** Runs the handler (decode, inbox, commit); supplied by EventConsumers. */
export type Dispatch = (payload: object, meta: EventMeta) => Promise<Outcome>;

/** How long one pull stays open on the server; also how long a draining replica may wait for it. */
const FETCH_EXPIRES_MS = 2000;

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
  private stopping = false;
  private unregisterLag?: () => void;

  constructor(private readonly settings: ConsumerSettings, private readonly jetstream: JetStreamService, private readonly dispatch: Dispatch) {
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
        ...config, durable_name: this.durable, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: existing.ack_floor.stream_seq + 1,
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
    await this.looping;
    await Promise.allSettled([...this.inFlight]);
    // Acks and naks are fire-and-forget publishes: they must leave before the connection closes.
    await (await this.jetstream.nats()).flush().catch(() => undefined);
  }

  /**
   * Pulls with fetch rather than consume: a fetch ends by itself (full or expired), so a draining
   * replica knows when nothing more can arrive for it.
   */
  private async loop(attached: Consumer): Promise<void> {
    let consumer = attached;
    const { concurrency } = this.settings;
    while (!this.stopping) {
      try {
        const batch = await consumer.fetch({ max_messages: concurrency * 2, expires: FETCH_EXPIRES_MS });
        for await (const message of batch) {
          while (!this.stopping && this.inFlight.size >= concurrency) await Promise.race(this.inFlight);
          // Delayed past our open pull, so another replica (or this one after a restart) gets it.
          if (this.stopping) {
            message.nak(FETCH_EXPIRES_MS);
            continue;
          }
          const run = this.handle(message).finally(() => this.inFlight.delete(run));
          this.inFlight.add(run);
        }
      } catch (error) {
        if (this.stopping) return;
        this.logger.warn({ err: error }, 'pulling events failed; trying again');
        await new Promise((r) => setTimeout(r, 1000));
        // A durable deleted on the server (by hand, or with its stream) comes back with our settings.
        consumer = await this.attach().catch(() => consumer);
      }
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

  private async handle(message: JsMsg): Promise<void> {
    const meta = this.metaOf(message);
    const labels = { consumer: this.durable };
    if (meta.deliveryCount > 1) consumerRedelivered.inc(labels);
    const started = process.hrtime.bigint();
    try {
      if (meta.deliveryCount > this.settings.maxDeliver) throw new ExhaustedBeforeRun();
      const payload = await decodeEvent(this.settings.event, message.data);
      const outcome = await this.dispatch(payload, meta);
      message.ack();
      consumerHandled.inc({ ...labels, outcome });
      consumerDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    } catch (error) {
      await this.fail(message, meta, error as Error);
    }
  }

  private async fail(message: JsMsg, meta: EventMeta, error: Error): Promise<void> {
    const invalid = error instanceof InvalidEventPayload;
    if (!invalid && !(error instanceof ExhaustedBeforeRun)) consumerFailed.inc({ consumer: this.durable });
    if (invalid || meta.deliveryCount >= this.settings.maxDeliver) {
      const reason: DeadLetterReason = invalid ? 'invalid_payload' : 'deliveries_exhausted';
      try {
        await publishDeadLetter(await this.jetstream.nats(), {
          service: this.settings.service, handler: this.settings.handler, consumer: this.durable, subject: meta.subject, messageId: meta.messageId,
          deliveries: meta.deliveryCount, streamSequence: message.seq, reason, error: error.message, data: message.data, carried: message.headers,
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
      this.logger.error({ messageId: meta.messageId, subject: meta.subject, deliveries: meta.deliveryCount, reason, error: error.message }, 'event moved to the dead-letter stream');
      return;
    }
    this.logger.warn({ messageId: meta.messageId, subject: meta.subject, delivery: meta.deliveryCount, error: error.message }, 'event handler failed; will retry');
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
