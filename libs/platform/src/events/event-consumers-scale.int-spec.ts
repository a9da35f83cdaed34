import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Inject, Injectable } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { IsInt, IsString } from 'class-validator';
import { AnalyticsPrismaClient } from '@suite/db/analytics';
import { migrateAll } from '../infra/migrations';
import { DB } from '../db/prisma.module';
import { UnitOfWork } from '../db/unit-of-work';
import { eventStreamFor } from '../nats/jetstream';
import { NatsConnectionService } from '../nats/nats-connection';
import { cleanNats, dropSpecDatabase, startConsumerApp, waitFor } from './consumer-spec-kit';
import { durableName } from './event-consumer';
import { EventConsumers } from './event-consumers';
import { OnEvent } from './on-event.decorator';

/** Consumers across replicas, restarts and shutdowns, against real JetStream and PostgreSQL. */
const tag = randomUUID().slice(0, 8);
const prefix = `plt_evs_${tag}_`;

class SpecEvent {
  @IsString() id!: string;
  @IsInt() n!: number;
}
const event = (name: string) => ({ subject: `evt.analytics.spec${tag}.${name}`, payload: SpecEvent, version: 1 });
const Bulk = event('bulk');
const Tuned = event('tuned');
const Retuned = event('retuned');
const Slow = event('slow');
const names = { bulk: `bulk-${tag}`, tuned: `tuned-${tag}`, slow: `slow-${tag}` };
const REPLICA = Symbol('REPLICA');
type Tx = AnalyticsPrismaClient;

@Injectable()
class BulkHandler {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    @Inject(REPLICA) private readonly replica: string,
  ) {}
  @OnEvent(Bulk, { name: names.bulk, backoffMs: [30] })
  handle(e: SpecEvent) {
    return this.uow.run((tx) => tx.analyticsEvent.create({ data: { eventType: `${tag}.bulk`, entityId: e.id, userId: this.replica } }));
  }
}

class TunedV1 {
  @OnEvent(Tuned, { name: names.tuned, maxAckPending: 10, ackWaitMs: 5000, maxDeliver: 3 })
  handle() {}
}
class TunedV2 {
  @OnEvent(Tuned, { name: names.tuned, maxAckPending: 20, ackWaitMs: 7000, maxDeliver: 6 })
  handle() {}
}
class TunedV3 {
  @OnEvent(Retuned, { name: names.tuned, maxAckPending: 20, ackWaitMs: 7000, maxDeliver: 6 })
  handle() {}
}

const Revived = event('revived');
@Injectable()
class RevivedHandler {
  constructor(private readonly uow: UnitOfWork<Tx>) {}
  @OnEvent(Revived, { name: `revived-${tag}` })
  handle(e: SpecEvent) {
    return this.uow.run((tx) => tx.analyticsEvent.create({ data: { eventType: `${tag}.revived`, entityId: e.id } }));
  }
}

/** Each event takes a while, so a shutdown finds some of them running and some fetched but not started. */
@Injectable()
class SlowHandler {
  static started = 0;
  static finished = 0;
  constructor(private readonly uow: UnitOfWork<Tx>) {}
  @OnEvent(Slow, { name: names.slow, concurrency: 3, ackWaitMs: 30000 })
  async handle(e: SpecEvent) {
    SlowHandler.started++;
    await this.uow.run(async (tx) => {
      await tx.analyticsEvent.create({ data: { eventType: `${tag}.slow`, entityId: e.id } });
      await new Promise((r) => setTimeout(r, 150));
    });
    SlowHandler.finished++;
  }
}

describe('event consumers across replicas and restarts', () => {
  let db: AnalyticsPrismaClient;
  let nats: NatsConnectionService;
  let base: INestApplicationContext;
  const apps: INestApplicationContext[] = [];
  const start = async (providers: Parameters<typeof startConsumerApp>[1]) => {
    const app = await startConsumerApp(AnalyticsPrismaClient, providers);
    apps.push(app);
    return app;
  };
  const stop = async (app: INestApplicationContext) => {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  };
  const publishMany = async (e: { subject: string }, count: number) => {
    const js = jetstream(await nats.get());
    for (let i = 0; i < count; i += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, count - i) }, (_, j) =>
          js.publish(e.subject, JSON.stringify({ id: `${tag}-${i + j}`, n: i + j }), { msgID: randomUUID() }),
        ),
      );
    }
  };
  const consumerInfo = async (handler: string) =>
    (await jetstreamManager(await nats.get())).consumers.info(eventStreamFor('analytics').name, durableName('analytics', handler));

  beforeAll(async () => {
    Object.assign(process.env, { DATABASE_NAME_PREFIX: prefix, EVENT_RETRY_BACKOFF_MS: '30', LOG_LEVEL: 'silent' });
    await migrateAll(process.env, ['analytics']);
    base = await start([]); // no handlers: a connection and a database for the assertions
    db = base.get(DB);
    nats = base.get(NatsConnectionService);
  }, 60000);

  afterAll(async () => {
    for (const app of apps.filter((a) => a !== base)) await app.close().catch(() => undefined);
    await cleanNats(nats, tag, Object.values(names)).catch(() => undefined);
    await base?.close();
    await dropSpecDatabase(AnalyticsPrismaClient, prefix);
  });

  it('shares one durable between two replicas: 2,000 events, each applied exactly once, both working', async () => {
    const a = await start([BulkHandler, { provide: REPLICA, useValue: 'a' }]);
    const b = await start([BulkHandler, { provide: REPLICA, useValue: 'b' }]);
    await publishMany(Bulk, 2000);
    const count = () => db.analyticsEvent.count({ where: { eventType: `${tag}.bulk` } });
    await waitFor('2,000 rows', async () => (await count()) >= 2000, 60000);
    await waitFor('every ack', async () => {
      const info = await consumerInfo(names.bulk);
      return info.num_pending + info.num_ack_pending === 0;
    });
    expect(await count()).toBe(2000);
    const distinct = await db.$queryRawUnsafe<{ n: number }[]>(
      'SELECT count(DISTINCT entity_id)::int AS n FROM analytics_event WHERE event_type = $1',
      `${tag}.bulk`,
    );
    expect(distinct[0].n).toBe(2000);
    const byReplica = await db.analyticsEvent.groupBy({ by: ['userId'], where: { eventType: `${tag}.bulk` }, _count: true });
    expect(byReplica.map((r) => r.userId).sort()).toEqual(['a', 'b']);
    expect(await db.processedEvent.count({ where: { consumer: durableName('analytics', names.bulk) } })).toBe(2000);
    expect(await a.get(EventConsumers).lag()).toEqual({ [`${durableName('analytics', names.bulk)}@EVT_ANALYTICS`]: 0 }); // what /health/ready shows
    await Promise.all([stop(a), stop(b)]);
  }, 90000);

  it('applies changed consumer settings to the existing durable at start-up', async () => {
    const v1 = await start([TunedV1]);
    const before = await consumerInfo(names.tuned);
    expect(before.config).toMatchObject({ max_ack_pending: 10, ack_wait: 5e9, max_deliver: 4 });
    await stop(v1);
    const v2 = await start([TunedV2]);
    const after = await consumerInfo(names.tuned);
    expect(after.config).toMatchObject({ max_ack_pending: 20, ack_wait: 7e9, max_deliver: 7, filter_subject: Tuned.subject });
    expect(after.created).toBe(before.created); // updated in place, position kept
    await stop(v2);
    // A new filter cannot be changed in place before NATS 2.10: the durable is recreated with it.
    const v3 = await start([TunedV3]);
    expect((await consumerInfo(names.tuned)).config.filter_subject).toBe(Retuned.subject);
    await stop(v3);
  });

  it('recreates its durable when it is deleted on the server, and carries on', async () => {
    const app = await start([RevivedHandler]);
    const jsm = await jetstreamManager(await nats.get());
    await jsm.consumers.delete(eventStreamFor('analytics').name, durableName('analytics', `revived-${tag}`));
    await publishMany(Revived, 3);
    await waitFor(
      'the events after the deletion',
      async () => (await db.analyticsEvent.count({ where: { eventType: `${tag}.revived` } })) === 3,
      15000,
    );
    await stop(app);
  });

  it('drains on shutdown: running handlers commit and ack, fetched ones go back, nothing is half done', async () => {
    const first = await start([SlowHandler]);
    await publishMany(Slow, 30);
    await waitFor('a few handled', () => SlowHandler.finished >= 4);
    const closing = Date.now();
    await stop(first);
    const closedIn = Date.now() - closing;
    expect(SlowHandler.started).toBe(SlowHandler.finished); // none cut off mid-way
    const committed = await db.analyticsEvent.count({ where: { eventType: `${tag}.slow` } });
    expect(committed).toBe(SlowHandler.finished);
    expect(committed).toBeLessThan(30);
    expect(closedIn).toBeLessThan(5000); // the open pull expires within 2 s

    const second = await start([SlowHandler]);
    // Well within the 30 s ackWait: the fetched messages were handed back, not left to time out.
    await waitFor(
      'the rest after a restart',
      async () => (await db.analyticsEvent.count({ where: { eventType: `${tag}.slow` } })) === 30,
      20000,
    );
    await waitFor('every ack', async () => {
      const i = await consumerInfo(names.slow);
      return i.num_pending + i.num_ack_pending === 0;
    });
    const distinct = await db.$queryRawUnsafe<{ n: number }[]>(
      'SELECT count(DISTINCT entity_id)::int AS n FROM analytics_event WHERE event_type = $1',
      `${tag}.slow`,
    );
    expect(distinct[0].n).toBe(30);
    await stop(second);
  });
});
