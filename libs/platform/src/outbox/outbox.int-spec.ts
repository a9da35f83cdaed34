import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { AnalyticsPrismaClient } from '@suite/db/analytics';
import { migrateAll } from '../infra/migrations';
import { databaseUrlFor } from '../config/database-url';
import { createPrismaClient } from '../db/prisma.module';
import { eventStreamFor, JetStreamService } from '../nats/jetstream';
import { NatsConnectionService } from '../nats/nats-connection';
import { CommandBus } from '@nestjs/cqrs';
import { currentTransaction, UnitOfWork } from '../db/unit-of-work';
import { runHandlers } from '../events/event-pipeline';
import { counterValue } from '../events/consumer-spec-kit';
import { outboxPublished, outboxPublishFailures } from '../metrics/metrics';
import { enqueueEvent } from './outbox';
import { OutboxRelay } from './outbox-relay';

/** The outbox, the relay and the inbox against real PostgreSQL and JetStream (analytics' schema as fixture). */
describe('transactional outbox and inbox', () => {
  const tag = randomUUID().slice(0, 8);
  const env = { ...process.env, DATABASE_NAME_PREFIX: `plt_${tag}_` };
  const service = `outboxspec${tag}`;
  const stream = eventStreamFor(service);
  const subject = `evt.${service}.thing.happened`;
  let db: AnalyticsPrismaClient;
  let connection: NatsConnectionService;
  let jetstream: JetStreamService;
  const relay = () => new OutboxRelay(db, jetstream, { service, batchSize: 25 });

  const streamMessages = async () => (await (await jetstreamManager(await connection.get())).streams.info(stream.name)).state.messages;
  const pending = async () =>
    (await db.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL'))[0].n;

  beforeAll(async () => {
    await migrateAll(env, ['analytics']);
    db = createPrismaClient(AnalyticsPrismaClient, databaseUrlFor('analytics', env));
    connection = new NatsConnectionService(process.env.NATS_URL!, 'outbox-spec');
    jetstream = new JetStreamService(connection);
    await jetstream.ensureStream(stream);
  });

  afterAll(async () => {
    await (await jetstreamManager(await connection.get())).streams.delete(stream.name).catch(() => undefined);
    await connection.onApplicationShutdown();
    await db.$executeRawUnsafe(`SELECT 1`);
    await db.$disconnect();
    const admin = createPrismaClient(
      AnalyticsPrismaClient,
      databaseUrlFor('analytics', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
    );
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "plt_${tag}_analytics" WITH (FORCE)`);
    await admin.$disconnect();
  });

  it('publishes an event committed with its change, with Nats-Msg-Id = row id', async () => {
    const id = await db.$transaction(async (tx) => {
      await tx.systemConfig.create({ data: { key: `k-${tag}`, value: 1 } });
      return enqueueEvent(tx, subject, { key: `k-${tag}` });
    });
    const countedBefore = await counterValue(outboxPublished, { subject });
    expect(await relay().publishPending()).toBe(1);
    // The rate dashboards and alerts read (orders placed, alerts raised...): one per committed publish.
    expect(await counterValue(outboxPublished, { subject })).toBe(countedBefore + 1);
    const js = await jetstreamManager(await connection.get());
    const message = await js.streams.getMessage(stream.name, { last_by_subj: subject });
    expect(message?.header.get('Nats-Msg-Id')).toBe(id);
    expect(message?.json()).toEqual({ key: `k-${tag}` });
    const [row] = await db.$queryRawUnsafe<{ published_at: Date | null }[]>(
      'SELECT published_at FROM outbox_event WHERE id = $1::uuid',
      id,
    );
    expect(row.published_at).toBeInstanceOf(Date);
  });

  it('publishes nothing for a change that was rolled back', async () => {
    const before = await streamMessages();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEvent(tx, subject, { doomed: true });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await pending()).toBe(0);
    expect(await relay().publishPending()).toBe(0);
    expect(await streamMessages()).toBe(before);
  });

  it('lets the stream drop a row published twice (crash between publish and mark)', async () => {
    const id = await db.$transaction((tx) => enqueueEvent(tx, subject, { n: 1 }));
    await relay().publishPending();
    const after = await streamMessages();
    await db.$executeRawUnsafe('UPDATE outbox_event SET published_at = NULL WHERE id = $1::uuid', id);
    expect(await relay().publishPending()).toBe(1);
    expect(await streamMessages()).toBe(after);
  });

  it('shares the work between concurrent relays without publishing any row twice', async () => {
    const before = await streamMessages();
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await enqueueEvent(tx, subject, { i });
    });
    const relays = [relay(), relay(), relay()];
    const drain = async (r: OutboxRelay) => {
      let total = 0;
      for (let n = -1; n !== 0;) {
        n = await r.publishPending();
        total += n;
      }
      return total;
    };
    const counts = await Promise.all(relays.map(drain));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    expect(await pending()).toBe(0);
    expect(await streamMessages()).toBe(before + 200);
    const attempts = await db.$queryRawUnsafe<{ attempts: number; n: number }[]>(
      "SELECT attempts, count(*)::int AS n FROM outbox_event WHERE payload ? 'i' GROUP BY attempts",
    );
    expect(attempts).toEqual([{ attempts: 1, n: 200 }]); // each row went out exactly once
  });

  it('flushes through a unit of work: the events are on the bus when run() returns, even with a pass of another relay under way', async () => {
    const before = await streamMessages();
    const busy = relay();
    const uow = new UnitOfWork(db, relay());
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 60; i++) await enqueueEvent(tx, subject, { backlog: i });
    });
    const otherPass = busy.publishPending(); // holds up to 25 rows while the flush runs
    await uow.run((tx) => enqueueEvent(tx, subject, { flushed: true }), { publishEventsBeforeReturn: true });
    expect(await pending()).toBe(0);
    expect(await streamMessages()).toBe(before + 61);
    await otherPass;
  });

  it('keeps a row that cannot be published, records why, and publishes it once possible', async () => {
    const orphan = `evt.${service}x.nobody.listens`;
    const id = await db.$transaction((tx) => enqueueEvent(tx, orphan, { late: true }));
    expect(await relay().publishPending()).toBe(0);
    expect(await counterValue(outboxPublishFailures, { subject: orphan })).toBe(1);
    expect(await counterValue(outboxPublished, { subject: orphan })).toBe(0);
    const [failed] = await db.$queryRawUnsafe<{ attempts: number; last_error: string | null; published_at: Date | null }[]>(
      'SELECT attempts, last_error, published_at FROM outbox_event WHERE id = $1::uuid',
      id,
    );
    expect(failed).toMatchObject({ attempts: 1, published_at: null });
    expect(failed.last_error).toBeTruthy();
    const late = eventStreamFor(`${service}x`);
    await jetstream.ensureStream(late);
    try {
      expect(await relay().publishPending()).toBe(1);
      expect(await pending()).toBe(0);
      expect(await counterValue(outboxPublished, { subject: orphan })).toBe(1);
    } finally {
      await (await jetstreamManager(await connection.get())).streams.delete(late.name);
    }
  });

  it('prunes published rows past the retention but never an unpublished one', async () => {
    const old = await db.$transaction((tx) => enqueueEvent(tx, subject, { old: true }));
    await relay().publishPending();
    await db.$executeRawUnsafe("UPDATE outbox_event SET published_at = now() - interval '8 days' WHERE id = $1::uuid", old);
    const unpublished = await db.$transaction((tx) => enqueueEvent(tx, `evt.${service}y.nobody.listens`, { stuck: true }));
    await db.$executeRawUnsafe("UPDATE outbox_event SET created_at = now() - interval '30 days' WHERE id = $1::uuid", unpublished);
    const pruned = await new OutboxRelay(db, jetstream, { service, retentionMs: 7 * 24 * 3600 * 1000 }).prunePublished();
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await db.$queryRawUnsafe<{ id: string }[]>(
      'SELECT id::text AS id FROM outbox_event WHERE id IN ($1::uuid, $2::uuid)',
      old,
      unpublished,
    );
    expect(left.map((r) => r.id)).toEqual([unpublished]);
    await db.$executeRawUnsafe('DELETE FROM outbox_event WHERE id = $1::uuid', unpublished);
  });

  it('prunes inbox rows older than any redelivery can come (14 days), and keeps the recent ones', async () => {
    const [old, recent] = [randomUUID(), randomUUID()];
    await db.$executeRawUnsafe(
      "INSERT INTO processed_event (consumer, message_id, processed_at) VALUES ('spec-prune', $1, now() - interval '15 days'), ('spec-prune', $2, now() - interval '13 days')",
      old,
      recent,
    );
    expect(await relay().pruneInbox()).toBeGreaterThanOrEqual(1);
    const left = await db.$queryRawUnsafe<{ message_id: string }[]>("SELECT message_id FROM processed_event WHERE consumer = 'spec-prune'");
    expect(left.map((r) => r.message_id)).toEqual([recent]);
  });

  it('runs a consumer handler once per message id, even under concurrent redelivery', async () => {
    const messageId = randomUUID();
    const deps = { uow: new UnitOfWork(db), commandBus: {} as CommandBus, timeoutMs: 10000 };
    const meta = { messageId, subject, deliveryCount: 1, publishedAt: new Date(), consumer: 'spec-consumer' };
    const handler = async () => {
      await currentTransaction<AnalyticsPrismaClient>()!.analyticsEvent.create({
        data: { eventType: 'spec.handled', entityId: messageId },
      });
    };
    const runs = await Promise.all(
      Array.from({ length: 8 }, () => runHandlers(deps, handler, [{ payload: {}, meta }]).catch((error: Error) => error)),
    );
    expect(runs.filter((r) => Array.isArray(r) && r[0] === 'handled')).toHaveLength(1);
    expect(await db.analyticsEvent.count({ where: { entityId: messageId } })).toBe(1);
  });

  it('redelivers to a durable consumer until its handler succeeds', async () => {
    const seen: number[] = [];
    let failures = 0;
    const consumerSubject = `evt.${service}.retry.wanted`;
    await jetstream.consume({
      stream,
      durable: `spec-${tag}`,
      filterSubject: consumerSubject,
      retryDelayMs: 50,
      handler: async (message) => {
        if (failures++ < 2) throw new Error('transient');
        seen.push(message.json<{ n: number }>().n);
      },
    });
    await jetstream.publish(consumerSubject, { n: 7 }, { msgId: randomUUID() });
    const deadline = Date.now() + 10000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    jetstream.onApplicationShutdown();
    expect(seen).toEqual([7]);
    expect(failures).toBe(3);
  });
});
