import { performance } from 'node:perf_hooks';
import { Pool, PoolClient } from 'pg';
import { nanos } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, ConsumerConfig, jetstream, jetstreamManager, JsMsg } from '@nats-io/jetstream';
import { serveParent } from './child';
import { EVENTS_CONCURRENCY, EVENTS_MAX_ACK_PENDING, EVENTS_POOL_SIZE, INBOX_INSERT } from './event-fixtures';

export interface RawConsumerOptions {
  /** The NATS connection's name. */
  name: string;
  stream: string;
  filter: string;
  durable: string;
  databaseUrl: string;
  /** Where the durable starts (deliver_policy and its start sequence). */
  start: Pick<ConsumerConfig, 'deliver_policy' | 'opt_start_seq'>;
  /** The message's own writes, inside its transaction, once the inbox row is new. */
  apply(client: PoolClient, message: JsMsg, id: string): Promise<void>;
}

/**
 * The baseline loop the benches hold the platform's consumer against, run in a process of its own: a raw
 * @nats-io/jetstream durable pull consumer and a raw pg Pool, with the platform consumer's concurrency, prefetch, max
 * ack pending and pool size; per message one transaction (inbox row + `apply`), then ack; a failure rolls back and naks.
 * No validation, no Nest, no Prisma. Answers the parent's `stats` with the failure count.
 */
export async function runRawConsumer(options: RawConsumerOptions): Promise<void> {
  const { stream, durable } = options;
  const nc = await connect({ servers: process.env.NATS_URL, name: options.name });
  const pool = new Pool({ connectionString: options.databaseUrl, max: EVENTS_POOL_SIZE });
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.add(stream, {
    ...options.start,
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    filter_subject: options.filter,
    max_deliver: 11,
    ack_wait: nanos(30000),
    max_ack_pending: EVENTS_MAX_ACK_PENDING,
  });
  const consumer = await jetstream(nc).consumers.get(stream, durable);
  const messages = await consumer.consume({ max_messages: Math.max(16, EVENTS_CONCURRENCY * 4) });
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  const handle = async (message: JsMsg) => {
    const id = message.headers?.get('Nats-Msg-Id') || `${stream}:${message.seq}`;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const inbox = await client.query(INBOX_INSERT, [durable, id]);
      if (inbox.rowCount) await options.apply(client, message, id);
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

/** The entry point of a raw consumer child process. */
export function runAsChild(main: (argv: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.send?.({ type: 'error', error: error.stack ?? error.message });
    process.exit(1);
  });
}
