import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { jetstream } from '@nats-io/jetstream';
import { IsInt, IsString } from 'class-validator';
import { AnalyticsPrismaClient } from '@suite/db/analytics';
import { migrateAll } from '../infra/migrations';
import { DB } from '../db/prisma.module';
import { UnitOfWork } from '../db/unit-of-work';
import { NatsConnectionService } from '../nats/nats-connection';
import { cleanNats, consumerOf, counterValue, dropSpecDatabase, startConsumerApp, waitFor } from './consumer-spec-kit';
import { consumerDeadLettered, consumerHandled, consumerRedelivered } from './consumer-metrics';
import { DeadLetter, listDeadLetters, readDeadLetters, requestReplay, toDeadLetter } from './dead-letter';
import { durableName } from './event-consumer';
import { EventMeta } from './event-definition';
import { Outcome } from './event-pipeline';
import { OnEvent } from './on-event.decorator';

/** @OnEvent consumers against real JetStream and PostgreSQL (analytics' schema as fixture). */
const tag = randomUUID().slice(0, 8);
const prefix = `plt_ev_${tag}_`;

class SpecEvent {
  @IsString() id!: string;
  @IsInt() n!: number;
}
const event = (name: string) => ({ subject: `evt.analytics.spec${tag}.${name}`, payload: SpecEvent, version: 1 });
const Flaky = event('flaky');
const Strict = event('strict');
const Doomed = event('doomed');
const LostAck = event('lost');
const Replayed = event('replayed');
const Bulk = event('bulk');
const names = {
  flaky: `flaky-${tag}`,
  strict: `strict-${tag}`,
  doomed: `doomed-${tag}`,
  lost: `lost-${tag}`,
  replayed: `replayed-${tag}`,
  bulk: `bulk-${tag}`,
};
const durable = (handler: string) => durableName('analytics', handler);
const fast = { backoffMs: [30] };

type Tx = AnalyticsPrismaClient;

class RecordCommand {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {}
}

/** Counts attempts per event id; the first `failFirst` attempts write their row and then throw. */
@CommandHandler(RecordCommand)
class RecordHandler implements ICommandHandler<RecordCommand> {
  static readonly attempts = new Map<string, number>();
  static failFirst = 0;
  constructor(private readonly uow: UnitOfWork<Tx>) {}
  async execute({ kind, id }: RecordCommand): Promise<void> {
    const attempt = (RecordHandler.attempts.get(id) ?? 0) + 1;
    RecordHandler.attempts.set(id, attempt);
    await this.uow.run((tx) => tx.analyticsEvent.create({ data: { eventType: `${tag}.${kind}`, entityId: id } }));
    if (attempt <= RecordHandler.failFirst) throw new Error(`transient failure ${attempt}`);
  }
}

@Injectable()
class SpecHandlers {
  readonly runs = new Map<string, number>();
  replayBroken = true;
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  private async record(kind: string, id: string): Promise<void> {
    this.runs.set(`${kind}:${id}`, (this.runs.get(`${kind}:${id}`) ?? 0) + 1);
    await this.uow.run((tx) => tx.analyticsEvent.create({ data: { eventType: `${tag}.${kind}`, entityId: id } }));
  }

  @OnEvent(Flaky, { name: names.flaky, maxDeliver: 5, ...fast })
  flaky(e: SpecEvent) {
    return new RecordCommand('flaky', e.id);
  }

  @OnEvent(Strict, { name: names.strict, ...fast })
  strict(e: SpecEvent) {
    return this.record('strict', e.id);
  }

  @OnEvent(Doomed, { name: names.doomed, maxDeliver: 3, ...fast })
  async doomed(e: SpecEvent) {
    await this.record('doomed', e.id);
    throw new Error('always fails\nsecond line is not kept');
  }

  @OnEvent(LostAck, { name: names.lost, ackWaitMs: 1500, ...fast })
  lost(e: SpecEvent) {
    return this.record('lost', e.id);
  }

  /** Event n = 13 fails on its first delivery: wherever it sits in a batch, only it may be retried. */
  @OnEvent(Bulk, { name: names.bulk, concurrency: 2, ...fast })
  async bulk(e: SpecEvent, meta: EventMeta) {
    await this.record('bulk', e.id);
    if (e.n === 13 && meta.deliveryCount === 1) throw new Error('unlucky on its first delivery');
  }

  @OnEvent(Replayed, { name: names.replayed, maxDeliver: 2, ...fast })
  async replayed(e: SpecEvent, meta: EventMeta) {
    await this.record('replayed', e.id);
    if (this.replayBroken) throw new Error(`downstream unavailable (delivery ${meta.deliveryCount})`);
  }
}

describe('event consumers (@OnEvent)', () => {
  let app: INestApplicationContext;
  let db: AnalyticsPrismaClient;
  let nats: NatsConnectionService;
  let handlers: SpecHandlers;

  const rows = (kind: string, id?: string) =>
    db.analyticsEvent.count({ where: { eventType: `${tag}.${kind}`, ...(id ? { entityId: id } : {}) } });
  const publish = async (e: { subject: string }, body: unknown, msgID = randomUUID()) => {
    await jetstream(await nats.get()).publish(e.subject, typeof body === 'string' ? body : JSON.stringify(body), { msgID });
    return msgID;
  };
  const deadLetters = async (handler: string) => {
    const found: (DeadLetter & { headers: Record<string, string> })[] = [];
    await readDeadLetters(await nats.get(), { service: 'analytics', handler }, async (m) => {
      found.push({ ...toDeadLetter(m), headers: Object.fromEntries([...(m.headers?.keys() ?? [])].map((k) => [k, m.headers!.get(k)])) });
    });
    return found;
  };

  beforeAll(async () => {
    Object.assign(process.env, { DATABASE_NAME_PREFIX: prefix, EVENT_RETRY_BACKOFF_MS: '30', EVENT_MAX_DELIVER: '4', LOG_LEVEL: 'silent' });
    await migrateAll(process.env, ['analytics']);
    app = await startConsumerApp(AnalyticsPrismaClient, [SpecHandlers, RecordHandler]);
    db = app.get(DB);
    handlers = app.get(SpecHandlers);
    nats = app.get(NatsConnectionService);
  }, 60000);

  afterAll(async () => {
    await cleanNats(nats, tag, Object.values(names)).catch(() => undefined);
    await app?.close();
    await dropSpecDatabase(AnalyticsPrismaClient, prefix);
  });

  it('retries a failing handler with backoff and applies its effect once', async () => {
    RecordHandler.failFirst = 2;
    const id = randomUUID();
    await publish(Flaky, { id, n: 1 });
    await waitFor(
      'the third attempt to commit',
      async () => (await counterValue(consumerHandled, { consumer: durable(names.flaky), outcome: 'handled' })) === 1,
    );
    expect(RecordHandler.attempts.get(id)).toBe(3);
    expect(await rows('flaky', id)).toBe(1); // the first two attempts' rows were rolled back
    expect(await counterValue(consumerRedelivered, { consumer: durable(names.flaky) })).toBe(2);
  });

  it('handles a backlog in batches: one failing event is retried alone, every other one applied once', async () => {
    const ids = Array.from({ length: 60 }, () => randomUUID());
    await Promise.all(ids.map((id, n) => publish(Bulk, { id, n })));
    await waitFor('all 60 stored', async () => (await rows('bulk')) === 60);
    await waitFor(
      'all 60 acked',
      async () => (await counterValue(consumerHandled, { consumer: durable(names.bulk), outcome: 'handled' })) === 60,
    );
    const perId = await db.$queryRawUnsafe<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM analytics_event WHERE event_type = $1 GROUP BY entity_id',
      `${tag}.bulk`,
    );
    expect(perId.every((r) => r.n === 1)).toBe(true);
    expect(perId).toHaveLength(60);
    expect(await counterValue(consumerRedelivered, { consumer: durable(names.bulk) })).toBe(1); // only the unlucky one came back
  });

  it('dead-letters a poison message at once, with its headers, and handles the next one', async () => {
    const notJson = await publish(Strict, '{not json');
    const invalid = await publish(Strict, { id: 'x', n: 'many' });
    const good = randomUUID();
    await publish(Strict, { id: good, n: 2 });
    await waitFor('the good message', async () => (await rows('strict', good)) === 1);
    await waitFor('two dead letters', async () => (await deadLetters(names.strict)).length === 2);
    const [first, second] = await deadLetters(names.strict);
    expect(first.headers).toMatchObject({
      'Deadletter-Subject': Strict.subject,
      'Deadletter-Service': 'analytics',
      'Deadletter-Consumer': durable(names.strict),
      'Deadletter-Deliveries': '1',
      'Deadletter-Reason': 'invalid_payload',
      'Deadletter-Msg-Id': notJson,
    });
    expect(first.error).toMatch(/not JSON/);
    expect(first.payload).toBe('{not json');
    expect(second).toMatchObject({ messageId: invalid, deliveries: 1, reason: 'invalid_payload' });
    expect(second.error).toMatch(/n: .*integer/);
    expect(handlers.runs.get('strict:x')).toBeUndefined();
    expect(await counterValue(consumerDeadLettered, { consumer: durable(names.strict), reason: 'invalid_payload' })).toBe(2);
    await waitFor(
      'the poison to be terminated, not left pending',
      async () => (await consumerOf(app, durable(names.strict)).pending()) === 0,
      5000,
    );
  });

  it('dead-letters a handler that always fails after maxDeliver deliveries, applying nothing', async () => {
    const id = randomUUID();
    const msgId = await publish(Doomed, { id, n: 3 });
    await waitFor('the dead letter', async () => (await deadLetters(names.doomed)).length === 1);
    const [letter] = await deadLetters(names.doomed);
    expect(letter).toMatchObject({
      messageId: msgId,
      deliveries: 3,
      reason: 'deliveries_exhausted',
      error: 'always fails second line is not kept',
      subject: Doomed.subject,
    });
    expect(handlers.runs.get(`doomed:${id}`)).toBe(3);
    expect(await rows('doomed', id)).toBe(0);
    await waitFor('the message to be terminated', async () => (await consumerOf(app, durable(names.doomed)).pending()) === 0, 5000);
  });

  it('applies nothing twice when the ack is lost after the commit (or the inbox row exists)', async () => {
    const consumer = consumerOf(app, durable(names.lost)) as unknown as { dispatch: (p: object, m: EventMeta) => Promise<Outcome> };
    const real = consumer.dispatch;
    let release!: () => void;
    const frozen = new Promise<void>((r) => (release = r));
    let calls = 0;
    // The first delivery commits, then its process "stops": no ack ever leaves it.
    consumer.dispatch = async (payload, meta) => {
      const outcome = await real(payload, meta);
      if (++calls === 1) await frozen;
      return outcome;
    };
    const id = randomUUID();
    await publish(LostAck, { id, n: 4 });
    await waitFor(
      'the redelivery to find the inbox row',
      async () => (await counterValue(consumerHandled, { consumer: durable(names.lost), outcome: 'duplicate' })) === 1,
      10000,
    );
    release();
    expect(await rows('lost', id)).toBe(1);
    expect(handlers.runs.get(`lost:${id}`)).toBe(1);

    const already = randomUUID();
    const msgId = randomUUID();
    await db.processedEvent.create({ data: { consumer: durable(names.lost), messageId: msgId } });
    await publish(LostAck, { id: already, n: 5 }, msgId);
    await waitFor(
      'the second duplicate',
      async () => (await counterValue(consumerHandled, { consumer: durable(names.lost), outcome: 'duplicate' })) === 2,
    );
    expect(handlers.runs.get(`lost:${already}`)).toBeUndefined();
    expect(await rows('lost', already)).toBe(0);
  });

  it('replays a dead letter through its handler once on <service>.deadletter.replay and removes it', async () => {
    const id = randomUUID();
    const msgId = await publish(Replayed, { id, n: 6 });
    await waitFor('the dead letter', async () => (await deadLetters(names.replayed)).length === 1);
    expect(await rows('replayed', id)).toBe(0);
    handlers.replayBroken = false;
    const nc = await nats.get();
    const replay = () => requestReplay(nc, 'analytics', names.replayed, 10000); // what `npm run deadletter -- replay` sends
    expect(await replay()).toEqual({ replayed: 1, failed: [] });
    expect(await rows('replayed', id)).toBe(1);
    expect(await listDeadLetters(nc, { service: 'analytics', handler: names.replayed })).toEqual([]);
    expect(await replay()).toEqual({ replayed: 0, failed: [] });
    const inbox = await db.processedEvent.count({ where: { consumer: durable(names.replayed), messageId: msgId } });
    expect(inbox).toBe(1);
  });
});
