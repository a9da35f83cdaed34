import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AnalyticsSubjects } from '@suite/contracts/analytics';
import { AnalyticsPrismaClient } from '@suite/db/analytics';
import { enqueueEvent, EventMeta, OnEvent, PlatformConfig, PlatformModule, UnitOfWork } from '@suite/platform';
import { serveParent } from './child';
import { BenchHappened, BenchHappenedPayload, EVENTS_CONCURRENCY, EVENTS_MAX_ACK_PENDING, SINK_INSERT } from './event-fixtures';

/**
 * The analytics service's platform (PlatformModule.forService, as apps/analytics wires it) in a process of its own:
 * - `consumer`: an @OnEvent handler that writes one sink row through the UnitOfWork (joining the consumer's
 *   transaction with the inbox row); the platform starts its durable consumer at bootstrap;
 * - `producer`: no handler; on request, commits `enqueueEvent` transactions through the UnitOfWork at a fixed rate,
 *   so the outbox relay of this process is kicked after each commit (the real path), and reports each commit time.
 * Needs NATS_URL and DATABASE_NAME_PREFIX in its environment.
 */
const platform = PlatformModule.forService({
  name: 'analytics',
  healthSubject: AnalyticsSubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: AnalyticsPrismaClient,
});

@Injectable()
export class BenchSink {
  constructor(private readonly uow: UnitOfWork) {}

  @OnEvent(BenchHappened, { name: 'bench-sink', concurrency: EVENTS_CONCURRENCY, maxAckPending: EVENTS_MAX_ACK_PENDING })
  async record(payload: BenchHappenedPayload, meta: EventMeta): Promise<void> {
    await this.uow.run((tx) => tx.$executeRawUnsafe(SINK_INSERT, meta.consumer, meta.messageId, payload.n, meta.publishedAt));
  }
}

@Module({ imports: [platform], providers: [BenchSink] })
class ConsumerHost {}

@Module({ imports: [platform] })
class ProducerHost {}

/** Epoch milliseconds with sub-millisecond precision, comparable with PostgreSQL's clock_timestamp() on this machine. */
const nowEpochMs = () => performance.timeOrigin + performance.now();

export interface ProduceRequest {
  type: 'produce';
  /** events/s */
  rate: number;
  /** events enqueued by each transaction */
  perTx: number;
  durationMs: number;
  firstN: number;
  /** transactions in flight at most */
  maxInFlight: number;
}
export interface ProduceReply {
  type: 'produced';
  commits: [string, number][];
  failed: number;
  skipped: number;
  elapsedMs: number;
}

/**
 * Open loop: transactions are started on schedule whatever the previous ones are doing, up to maxInFlight (beyond
 * that they are skipped and counted); each enqueues `perTx` events and the UnitOfWork kicks the relay after COMMIT.
 */
async function produce(uow: UnitOfWork, request: ProduceRequest): Promise<ProduceReply> {
  const commits: [string, number][] = [];
  const running = new Set<Promise<void>>();
  let started = 0;
  let failed = 0;
  let skipped = 0;
  const begin = performance.now();
  const commitOne = async (n: number) => {
    try {
      const ids = await uow.run(async (tx) => {
        const enqueued: string[] = [];
        for (let i = 0; i < request.perTx; i++) enqueued.push(await enqueueEvent(tx, BenchHappened, { n: n + i, note: 'bench' }));
        return enqueued;
      });
      const at = nowEpochMs();
      for (const id of ids) commits.push([id, at]);
    } catch {
      failed++;
    }
  };
  for (;;) {
    const elapsed = performance.now() - begin;
    if (elapsed >= request.durationMs) break;
    const due = Math.floor((elapsed * request.rate) / 1000 / request.perTx) - started - skipped;
    for (let i = 0; i < due; i++) {
      if (running.size >= request.maxInFlight) {
        skipped++;
        continue;
      }
      const run = commitOne(request.firstN + started * request.perTx).finally(() => running.delete(run));
      started++;
      running.add(run);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(running);
  return { type: 'produced', commits, failed, skipped, elapsedMs: performance.now() - begin };
}

async function main(mode: string): Promise<void> {
  const app = await NestFactory.createApplicationContext(mode === 'consumer' ? ConsumerHost : ProducerHost, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.init();
  const uow = app.get(UnitOfWork);
  serveParent({ produce: (m: ProduceRequest) => produce(uow, m) }, () => app.close());
  process.send?.({ type: 'ready' });
}

if (require.main === module) {
  main(process.argv[2] ?? 'consumer').catch((error: Error) => {
    process.send?.({ type: 'error', error: error.stack ?? error.message });
    process.exit(1);
  });
}
