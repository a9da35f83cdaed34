import { Injectable, Logger } from '@nestjs/common';
import { headers as natsHeaders, nanos, MsgHdrs, NatsConnection } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  JetStreamClient,
  JetStreamManager,
  jetstreamManager,
  JsMsg,
  PubAck,
  StorageType,
} from '@nats-io/jetstream';
import { natsErrors } from '../metrics/metrics';
import { NatsConnectionService } from './nats-connection';

export interface StreamSpec {
  name: string;
  subjects: string[];
  /** Keep messages this long; events are replayable for new consumers within it. */
  maxAgeMs?: number;
}

/** Every service's events go to one stream named after it: `evt.orders.>` -> EVT_ORDERS. */
export function eventStreamFor(service: string): StreamSpec {
  return { name: `EVT_${service.replace(/-/g, '_').toUpperCase()}`, subjects: [`evt.${service}.>`], maxAgeMs: 7 * 24 * 3600 * 1000 };
}

export interface ConsumerSpec {
  stream: StreamSpec;
  /** Durable name: the consumer's position survives restarts and is shared by every replica. */
  durable: string;
  /** One subject (wildcards allowed): several filters per consumer need NATS 2.10, Debian 12 ships 2.9. */
  filterSubject: string;
  handler: (message: JsMsg) => Promise<void>;
  /** After this many failed deliveries the message is left alone (a dead-letter handler can pick it up). */
  maxDeliver?: number;
  ackWaitMs?: number;
  /** How long to wait before redelivering a message whose handler failed. */
  retryDelayMs?: number;
}

/** JetStream publishing and durable pull consumers, with streams created on start when missing. */
@Injectable()
export class JetStreamService {
  private readonly logger = new Logger('JetStream');
  private readonly ensured = new Map<string, Promise<void>>();
  private readonly stops: (() => void)[] = [];

  constructor(private readonly connection: NatsConnectionService) {}

  async client(): Promise<JetStreamClient> {
    return jetstream(await this.connection.get());
  }

  /** The process's NATS connection, for the few things JetStream clients do not cover (core subscriptions). */
  nats(): Promise<NatsConnection> {
    return this.connection.get();
  }

  async manager(): Promise<JetStreamManager> {
    return jetstreamManager(await this.connection.get());
  }

  /** Idempotent and safe for concurrent callers: the first call creates, later ones reuse the result. */
  ensureStream(spec: StreamSpec): Promise<void> {
    let pending = this.ensured.get(spec.name);
    if (!pending) {
      pending = this.createStream(spec).catch((error) => {
        this.ensured.delete(spec.name);
        throw error;
      });
      this.ensured.set(spec.name, pending);
    }
    return pending;
  }

  private async createStream(spec: StreamSpec): Promise<void> {
    const jsm = await this.manager();
    const config = {
      name: spec.name,
      subjects: spec.subjects,
      storage: StorageType.File,
      max_age: nanos(spec.maxAgeMs ?? 0),
      duplicate_window: nanos(2 * 60 * 1000),
    };
    try {
      await jsm.streams.info(spec.name);
      await jsm.streams.update(spec.name, config);
    } catch (error) {
      if (!/not found/i.test(String((error as Error).message))) throw error;
      await jsm.streams.add(config);
    }
  }

  /** Publishes and waits for the stream's acknowledgement; `msgId` makes a retried publish a no-op. */
  async publish(subject: string, payload: unknown, options: { msgId?: string; headers?: Record<string, string> } = {}): Promise<PubAck> {
    const js = await this.client();
    let h: MsgHdrs | undefined;
    if (options.headers) {
      h = natsHeaders();
      for (const [k, v] of Object.entries(options.headers)) h.set(k, v);
    }
    try {
      return await js.publish(subject, JSON.stringify(payload), { msgID: options.msgId, headers: h });
    } catch (error) {
      natsErrors.inc({ type: 'publish' });
      throw error;
    }
  }

  /** Starts a durable consumer; handler success acks, failure naks with a delay. Runs until shutdown. */
  async consume(spec: ConsumerSpec): Promise<void> {
    await this.ensureStream(spec.stream);
    const jsm = await this.manager();
    await jsm.consumers.add(spec.stream.name, {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: spec.filterSubject,
      max_deliver: spec.maxDeliver ?? 10,
      ack_wait: nanos(spec.ackWaitMs ?? 30000),
    });
    const consumer = await (await this.client()).consumers.get(spec.stream.name, spec.durable);
    const messages = await consumer.consume({ max_messages: 256 });
    this.stops.push(() => void messages.close());
    void (async () => {
      for await (const message of messages) {
        try {
          await spec.handler(message);
          message.ack();
        } catch (error) {
          this.logger.warn(
            { err: error, subject: message.subject, redelivery: message.info.deliveryCount },
            'event handler failed; will retry',
          );
          message.nak(spec.retryDelayMs ?? 1000);
        }
      }
    })();
  }

  onApplicationShutdown(): void {
    for (const stop of this.stops) stop();
  }
}
