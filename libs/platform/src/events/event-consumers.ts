import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { Subscription } from '@nats-io/nats-core';
import { SERVICE_DEFINITION, PLATFORM_CONFIG, ServiceDefinition } from '../bootstrap/service-definition';
import { DATABASE_SERVICES, isServiceName } from '../config/services';
import { PlatformConfig } from '../config/platform-config';
import { UnitOfWork } from '../db/unit-of-work';
import { eventStreamFor, JetStreamService, StreamSpec } from '../nats/jetstream';
import { DEAD_LETTER_STREAM, DeadLetterHeaders, deadLetterReplaySubject, readDeadLetters, ReplayResult } from './dead-letter';
import { EventDefinition, EventMeta } from './event-definition';
import { EventConsumer } from './event-consumer';
import { decodeEvent, Delivery, EventHandlerFn, runHandlers } from './event-pipeline';
import { EventHandlerMetadata, ON_EVENT_METADATA } from './on-event.decorator';

/**
 * Where a handler's messages come from: `evt.orders.order.placed` -> the orders stream with that
 * filter; `evt.>` or `evt.*.x.y` (a family of every service) -> every service's stream, each filtered
 * to its own part (a filter must lie inside its stream's subjects).
 */
export function streamsFor(subject: string): { stream: StreamSpec; filter: string }[] {
  const [prefix, family, ...rest] = subject.split('.');
  if (prefix === 'evt' && family && isServiceName(family)) return [{ stream: eventStreamFor(family), filter: subject }];
  if (prefix === 'evt' && (family === '>' || family === '*')) {
    return DATABASE_SERVICES.map((service) => ({
      stream: eventStreamFor(service),
      filter: ['evt', service, ...(family === '>' ? ['>'] : rest)].join('.'),
    }));
  }
  throw new Error(`cannot tell which stream holds ${subject}: event subjects are evt.<service>.<entity>.<verb>`);
}

const kebab = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

interface Registered {
  consumer: EventConsumer;
  event: EventDefinition<object>;
  handler: EventHandlerFn;
  ackWaitMs: number;
}

/**
 * Finds every @OnEvent method of the service's providers at start-up and runs a durable consumer for
 * each; drains them before shutdown; answers `<service>.deadletter.replay` by running the service's
 * dead letters through the same handlers (the inbox keeps a replay from applying anything twice).
 */
@Injectable()
export class EventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventConsumers');
  private readonly registered: Registered[] = [];
  private replaySubscription?: Subscription;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly jetstream: JetStreamService,
    private readonly commandBus: CommandBus,
    @Inject(SERVICE_DEFINITION) private readonly definition: ServiceDefinition,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Optional() private readonly uow?: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { instance } of this.discovery.getProviders()) {
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const metadata: EventHandlerMetadata | undefined = Reflect.getMetadata(ON_EVENT_METADATA, prototype[method]);
        if (metadata) this.register(instance, method, metadata);
      }
    }
    await Promise.all(this.registered.map((r) => r.consumer.start()));
    if (this.registered.length > 0) {
      const nc = await this.jetstream.nats();
      this.replaySubscription = nc.subscribe(deadLetterReplaySubject(this.definition.name), {
        queue: this.definition.name,
        callback: (error, message) => {
          if (error) return;
          const request = (() => {
            try {
              return message.json<{ handler?: string }>();
            } catch {
              return {};
            }
          })();
          void this.replay(request.handler).then(
            (result) => message.respond(JSON.stringify(result)),
            (e: Error) => message.respond(JSON.stringify({ error: e.message })),
          );
        },
      });
      this.logger.log({ consumers: this.registered.map((r) => `${r.consumer.durable}@${r.consumer.stream}`) }, 'event consumers started');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.replaySubscription?.unsubscribe();
    await Promise.all(this.registered.map((r) => r.consumer.drain()));
  }

  /** Pending messages per durable and stream: the consumers' lag, for /health/ready and tests. */
  async lag(): Promise<Record<string, number>> {
    const entries = await Promise.all(
      this.registered.map(async (r) => [`${r.consumer.durable}@${r.consumer.stream}`, await r.consumer.pending()] as const),
    );
    return Object.fromEntries(entries);
  }

  /** Runs this service's dead letters (all, or one handler's) through their handlers; each one handled is removed. */
  async replay(handler?: string): Promise<ReplayResult> {
    const result: ReplayResult = { replayed: 0, failed: [] };
    const jsm = await this.jetstream.manager();
    await readDeadLetters(await this.jetstream.nats(), { service: this.definition.name, handler }, async (message) => {
      const durable = message.headers?.get(DeadLetterHeaders.Consumer);
      const target = this.registered.find((r) => r.consumer.durable === durable);
      if (!target) return void result.failed.push({ sequence: message.seq, error: `no handler ${durable} in this service` });
      const meta: EventMeta = {
        messageId: message.headers?.get(DeadLetterHeaders.MessageId) || `${DEAD_LETTER_STREAM.name}:${message.seq}`,
        subject: message.headers?.get(DeadLetterHeaders.Subject) ?? '',
        deliveryCount: 1,
        publishedAt: new Date(Math.floor(message.info.timestampNanos / 1e6)),
        consumer: target.consumer.durable,
      };
      try {
        await this.dispatch(target.handler, target.ackWaitMs)([{ payload: await decodeEvent(target.event, message.data), meta }]);
        await jsm.streams.deleteMessage(DEAD_LETTER_STREAM.name, message.seq);
        result.replayed++;
      } catch (error) {
        result.failed.push({ sequence: message.seq, error: (error as Error).message });
      }
    });
    return result;
  }

  /** The transaction may last as long as the server waits for the ack, no longer: past it, another replica has the message. */
  private dispatch(handler: EventHandlerFn, timeoutMs = this.config.EVENT_ACK_WAIT_MS) {
    return (deliveries: Delivery[], stopping?: () => boolean) =>
      runHandlers({ uow: this.uow, commandBus: this.commandBus, timeoutMs }, handler, deliveries, stopping);
  }

  private register(instance: object, method: string, { event, options }: EventHandlerMetadata): void {
    const handlerName = options.name ?? `${kebab(instance.constructor.name)}-${kebab(method)}`;
    const handler: EventHandlerFn = (payload, meta) => (instance as Record<string, EventHandlerFn>)[method](payload, meta);
    const backoffMs = options.backoffMs ?? this.config.EVENT_RETRY_BACKOFF_MS.split(',').map(Number);
    const ackWaitMs = options.ackWaitMs ?? this.config.EVENT_ACK_WAIT_MS;
    for (const { stream, filter } of streamsFor(event.subject)) {
      const consumer = new EventConsumer(
        {
          service: this.definition.name,
          handler: handlerName,
          event,
          stream,
          filter,
          maxDeliver: options.maxDeliver ?? this.config.EVENT_MAX_DELIVER,
          backoffMs,
          ackWaitMs,
          maxAckPending: options.maxAckPending ?? 1000,
          concurrency: options.concurrency ?? 8,
          maxBatch: options.maxBatch,
        },
        this.jetstream,
        this.dispatch(handler, ackWaitMs),
      );
      this.registered.push({ consumer, event, handler, ackWaitMs });
    }
  }
}
