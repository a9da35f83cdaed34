import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { nanos } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, JsMsg } from '@nats-io/jetstream';
import { serveParent } from './child';
import { EVENTS_CONCURRENCY, EVENTS_MAX_ACK_PENDING, EVENTS_POOL_SIZE, INBOX_INSERT, SINK_INSERT } from './event-fixtures';

/**
 * The baseline of the platform's consumer, in a process of its own: a raw @nats-io/jetstream durable pull consumer
 * and a raw pg Pool, with the same concurrency, prefetch, max ack pending and pool size; per message one
 * transaction (inbox row + sink row), then ack. No validation, no Nest, no Prisma.
 * argv: <stream> <filter subject> <durable> <first stream sequence> <database url>; NATS_URL in the environment.
 */
async function main([stream, filter, durable, startSeq, url]: string[]): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL, name: 'bench-raw-consumer' });
  const pool = new Pool({ connectionString: url, max: EVENTS_POOL_SIZE });
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: Number(startSeq),
    filter_subject: filter,
    max_deliver: 11,
    ack_wait: nanos(30000),
    max_ack_pending: EVENTS_MAX_ACK_PENDING,
  });
  const consumer = await jetstream(nc).consumers.get(stream, durable);
  const messages = await consumer.consume({ max_messages: Math.max(16, EVENTS_CONCURRENCY * 4) });
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  const handle = async (message: JsMsg) => {
    const payload = JSON.parse(Buffer.from(message.data).toString('utf8')) as { n: number };
    const id = message.headers?.get('Nats-Msg-Id') || `${stream}:${message.seq}`;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const inbox = await client.query(INBOX_INSERT, [durable, id]);
      if (inbox.rowCount)
        await client.query(SINK_INSERT, [durable, id, payload.n, new Date(Math.floor(message.info.timestampNanos / 1e6))]);
      await client.query('COMMIT');
    } catch {
      failed++;
      await client.query('ROLLBACK').catch(() => undefined);
      message.nak(1000);
      return;
    } finally {
      client.release();
    }
    message.ack();
  };
  void (async () => {
    for await (const message of messages) {
      while (inFlight.size >= EVENTS_CONCURRENCY) await Promise.race(inFlight);
      const run = handle(message).finally(() => inFlight.delete(run));
      inFlight.add(run);
    }
  })();
  serveParent({ stats: async () => ({ type: 'stats', failed, at: performance.now() }) }, async () => {
    await messages.close().catch(() => undefined);
    await Promise.allSettled([...inFlight]);
    await nc.close();
    await pool.end();
  });
  process.send?.({ type: 'ready' });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.send?.({ type: 'error', error: error.stack ?? error.message });
    process.exit(1);
  });
}
