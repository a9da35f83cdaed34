import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  databaseUrlFor,
  durableName,
  EVENT_VERSION_HEADER,
  eventStreamFor,
  JetStreamService,
  NatsConnectionService,
} from '@suite/platform';
import { migrateAll } from '@suite/platform/infra';
import { eventually, freePort, run } from '@suite/platform/testing';
import { BenchChild, CpuReply, forkChild } from './lib/child';
import { BenchHappened, EVENTS_CONCURRENCY, SINK_DDL } from './lib/event-fixtures';
import type { ProduceReply, ProduceRequest } from './lib/event-host';
import { latencyRow, LoadOptions, Throughput, throughputRow } from './lib/measure';

/** Messages pre-published to the stream and drained by each consumer, over all rounds. */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
/** Rounds raw/platform, platform/raw, ... (ABBA): the machine is shared, its load drifts, each round's pair is compared. */
const ROUNDS = 4;
const RAW_DURABLE = 'bench_raw';
const PLATFORM_DURABLE = durableName('analytics', 'bench-sink');
/** The rate, as 100 producer transactions/s of 10 events; then 1 event per transaction at a low rate: the path's own latency, unsaturated. */
const LATENCY_RUNS = [
  { rate: 1000, perTx: 10 },
  { rate: 100, perTx: 1 },
];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const script = (name: string) => join(__dirname, 'lib', `${name}.js`);

/**
 * The platform's event consumers (issue 11): an @OnEvent handler (validation, inbox row + one insert in one
 * UnitOfWork transaction, ack after commit) draining pre-published messages, against a raw @nats-io/jetstream consumer
 * + raw pg doing the same writes with the same concurrency, in the same run; then the latency from an outbox commit
 * (enqueueEvent through the UnitOfWork, the relay kicked after commit) to the handler's commit.
 * Targets: throughput >= x0.5 of raw, p99 < 50 ms at 1,000 events/s. Each consumer, and the producer, runs in its own
 * process on a private nats-server and a scratch database.
 */
export async function eventsBench(load: LoadOptions): Promise<string[]> {
  const prefix = `bench_evt_${randomUUID().slice(0, 8)}_`;
  const storeDir = `/tmp/${prefix}nats`;
  const natsPort = await freePort();
  const natsServer = run('nats-server', ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', storeDir], process.env);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NATS_URL: `nats://127.0.0.1:${natsPort}`,
    DATABASE_NAME_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  };
  const url = databaseUrlFor('analytics', env);
  const nc = await eventually(() => connect({ servers: env.NATS_URL, name: 'events-bench' }), Boolean);
  const connection = new NatsConnectionService(env.NATS_URL!, 'events-bench');
  const children = new Set<BenchChild>();
  const start = async (name: string, args: string[]) => {
    const child = await forkChild(script(name), args, env);
    children.add(child);
    return { ...child, stop: () => child.stop().finally(() => children.delete(child)) };
  };
  const db = new Client({ connectionString: url });
  let migrated = false;
  try {
    await migrateAll(env, ['analytics']);
    migrated = true;
    await db.connect();
    await db.query(SINK_DDL);
    const stream = eventStreamFor('analytics');
    await new JetStreamService(connection).ensureStream(stream);
    const jsm = await jetstreamManager(nc);

    const rows: string[] = [];
    const perRound = Math.ceil(EVENTS / ROUNDS);
    const totals = { raw: { count: 0, spanMs: 0, cpuMs: 0, cpuEvents: 0 }, platform: { count: 0, spanMs: 0, cpuMs: 0, cpuEvents: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      const firstSeq = (await jsm.streams.info(stream.name)).state.last_seq + 1;
      const range: [number, number] = [round * perRound, (round + 1) * perRound - 1];
      await prePublish(nc, range[0], perRound);
      const drainRaw = async () => {
        const raw = await start('raw-event-consumer', [stream.name, BenchHappened.subject, RAW_DURABLE + round, String(firstSeq), url]);
        const d = await drain(db, RAW_DURABLE + round, range, raw);
        await raw.stop();
        return d;
      };
      // The durable resumes after the previous round's messages, all acked.
      const drainPlatform = async () => {
        const host = await start('event-host', ['consumer']);
        const d = await drain(db, PLATFORM_DURABLE, range, host);
        await host.stop();
        return d;
      };
      const [raw, platform] =
        round % 2 === 0 ? [await drainRaw(), await drainPlatform()] : await drainPlatform().then(async (p) => [await drainRaw(), p]);
      for (const [total, d] of [
        [totals.raw, raw],
        [totals.platform, platform],
      ] as const) {
        total.count += d.count;
        total.spanMs += d.spanMs;
        total.cpuMs += d.cpuMs;
        total.cpuEvents += d.cpuEvents;
      }
      const rawRate = throughputOf('raw', raw);
      rows.push(
        throughputRow(throughputOf(`  round ${round + 1}: @OnEvent consumer`, platform), rawRate) +
          `, CPU/event x${(cpuPerEvent(platform) / cpuPerEvent(raw)).toFixed(2)} (raw ${fmt(rawRate.perSecond)} events/s, ${rawRate.note})`,
      );
    }
    const baseline = throughputOf('raw JetStream consume + pg tx + ack', totals.raw);
    const cpuRatio = cpuPerEvent(totals.platform) / cpuPerEvent(totals.raw);
    rows.unshift(
      throughputRow(throughputOf('@OnEvent consumer (validate, inbox, UoW)', totals.platform), baseline) +
        `, CPU/event x${cpuRatio.toFixed(2)}`,
      throughputRow(baseline),
    );

    const throughputRatio = throughputOf('', totals.platform).perSecond / baseline.perSecond;
    const verdicts = [`throughput x${throughputRatio.toFixed(2)} of raw (target >= x0.5: ${throughputRatio >= 0.5 ? 'met' : 'NOT met'})`];

    const host = await start('event-host', ['consumer']);
    const producer = await start('event-host', ['producer']);
    let firstN = 10 * EVENTS;
    const produce = async (rate: number, perTx: number, durationMs: number) => {
      const reply = await producer.request<ProduceReply>(
        { type: 'produce', rate, perTx, durationMs, firstN, maxInFlight: 16 } satisfies ProduceRequest,
        'produced',
      );
      firstN += rate * Math.ceil(durationMs / 1000) * 2;
      return reply;
    };
    for (const { rate, perTx } of LATENCY_RUNS) {
      await deliveryLatencies(db, (await produce(rate, perTx, load.warmupMs ?? 1000)).commits); // JIT, pools, relay; delivered before timing
      const measured = await produce(rate, perTx, Math.max(load.durationMs, 6000));
      const samples = await deliveryLatencies(db, measured.commits);
      const achieved = (measured.commits.length / measured.elapsedMs) * 1000;
      const name = `outbox commit -> handler commit, ${fmt(rate)}/s`;
      rows.push(
        latencyRow(
          name,
          samples.map((s) => s.total),
          'events',
        ) +
          `  (${fmt(measured.commits.length)} committed, ${perTx}/tx, at ${fmt(achieved)}/s; ${fmt(samples.length)} delivered; ${measured.failed} tx failed, ${measured.skipped} tx skipped)`,
      );
      rows.push(
        latencyRow(
          '  of which commit -> stored in the stream',
          samples.map((s) => s.relay),
          'events',
        ) + '  (relay; stream time in whole ms)',
      );
      rows.push(
        latencyRow(
          '  of which stored -> handler commit',
          samples.map((s) => s.consumer),
          'events',
        ) + '  (consumer)',
      );
      if (rate === LATENCY_RUNS[0].rate) {
        const p99 = [...samples.map((s) => s.total)].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)] ?? NaN;
        const kept = samples.length === measured.commits.length && achieved >= 0.95 * rate;
        verdicts.push(
          `p99 ${p99.toFixed(1)} ms at ${fmt(achieved)}/s committed (target < 50 ms at ${fmt(rate)}/s: ${p99 < 50 && kept ? 'met' : 'NOT met'})`,
        );
      }
    }
    await Promise.all([host.stop(), producer.stop()]);
    rows.push(`targets: ${verdicts.join('; ')}`);
    rows.push(
      `(concurrency ${EVENTS_CONCURRENCY}; ${fmt(EVENTS)} events pre-published in ${ROUNDS} rounds, alternating which consumer drains first; the raw consumer, the @OnEvent host and the producer each in a process of its own)`,
    );
    return rows;
  } finally {
    for (const child of children) await child.stop().catch(() => undefined);
    await db.end().catch(() => undefined);
    await connection.onApplicationShutdown();
    await nc.close();
    await natsServer.stop();
    await rm(storeDir, { recursive: true, force: true });
    if (migrated) await dropDatabase(`${prefix}analytics`);
  }
}

/** The stream's messages as the relay would publish them: Nats-Msg-Id and the event version header. */
async function prePublish(nc: Awaited<ReturnType<typeof connect>>, firstN: number, count: number): Promise<void> {
  const js = jetstream(nc);
  for (let first = 0; first < count; first += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - first) }, (_, i) => {
        const h = natsHeaders();
        h.set(EVENT_VERSION_HEADER, String(BenchHappened.version));
        return js.publish(BenchHappened.subject, JSON.stringify({ n: firstN + first + i, note: 'bench' }), {
          msgID: randomUUID(),
          headers: h,
        });
      }),
    );
  }
}

interface Drain {
  count: number;
  /** first to last handler commit, ms (the sink rows' clock_timestamp()) */
  spanMs: number;
  /** the consumer process's CPU time while it handled cpuEvents of them (from its 'ready' to the end) */
  cpuMs: number;
  cpuEvents: number;
}

const cpuPerEvent = (d: Drain) => d.cpuMs / Math.max(1, d.cpuEvents);

/** Waits until the consumer has written the sink rows of events [from, to] (or stops making progress for 20 s). */
async function drain(db: Client, consumer: string, [from, to]: [number, number], process: BenchChild): Promise<Drain> {
  const expected = to - from + 1;
  const cpu = async () => (await process.request<CpuReply>({ type: 'cpu' }, 'cpu')).ms;
  let last = -1;
  let lastProgress = Date.now();
  let first: { n: number; cpuMs: number } | undefined;
  for (;;) {
    const { rows } = await db.query<{ n: number; span_ms: number | null }>(
      'SELECT count(*)::int AS n, (extract(epoch FROM max(created_at) - min(created_at)) * 1000)::float8 AS span_ms FROM bench_event_sink WHERE consumer = $1 AND n BETWEEN $2 AND $3',
      [consumer, from, to],
    );
    const { n, span_ms } = rows[0];
    first ??= { n, cpuMs: await cpu() };
    if (n >= expected || Date.now() - lastProgress > 20000)
      return { count: n, spanMs: span_ms ?? 0, cpuMs: (await cpu()) - first.cpuMs, cpuEvents: n - first.n };
    if (n !== last) [last, lastProgress] = [n, Date.now()];
    await new Promise((r) => setTimeout(r, 200));
  }
}

const throughputOf = (name: string, d: Drain): Throughput => ({
  name,
  perSecond: d.spanMs > 0 ? ((d.count - 1) / d.spanMs) * 1000 : 0,
  unit: 'events/s',
  note: `${fmt(d.count)} drained in ${(d.spanMs / 1000).toFixed(1)} s, CPU ${cpuPerEvent(d).toFixed(3)} ms/event`,
});

interface Latency {
  total: number;
  relay: number;
  consumer: number;
}

/**
 * Handler commit (the sink row's clock_timestamp(), its last statement before COMMIT) minus producer commit (JS clock
 * when COMMIT returned), per event, split at the time the stream stored it; waits up to 20 s for stragglers.
 */
async function deliveryLatencies(db: Client, commits: [string, number][]): Promise<Latency[]> {
  const ids = commits.map(([id]) => id);
  const count = async () =>
    (
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_event_sink WHERE consumer = $1 AND message_id = ANY($2)', [
        PLATFORM_DURABLE,
        ids,
      ])
    ).rows[0].n;
  await eventually(count, (n) => n >= ids.length, 20000).catch(() => undefined);
  const { rows } = await db.query<{ message_id: string; at: number; stored: number }>(
    `SELECT message_id, (extract(epoch FROM created_at) * 1000)::float8 AS at, (extract(epoch FROM stored_at) * 1000)::float8 AS stored
     FROM bench_event_sink WHERE consumer = $1 AND message_id = ANY($2)`,
    [PLATFORM_DURABLE, ids],
  );
  const committedAt = new Map(commits);
  return rows.map((r) => ({
    total: r.at - committedAt.get(r.message_id)!,
    relay: r.stored - committedAt.get(r.message_id)!,
    consumer: r.at - r.stored,
  }));
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({
    connectionString: databaseUrlFor('analytics', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
  });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
