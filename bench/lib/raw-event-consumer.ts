import { DeliverPolicy } from '@nats-io/jetstream';
import { SINK_INSERT } from './event-fixtures';
import { runAsChild, runRawConsumer } from './raw-consumer';

/**
 * The events bench's baseline of the platform's consumer (see runRawConsumer): per message the inbox row and one sink row.
 * argv: <stream> <filter subject> <durable> <first stream sequence> <database url>; NATS_URL in the environment.
 */
async function main([stream, filter, durable, startSeq, databaseUrl]: string[]): Promise<void> {
  await runRawConsumer({
    name: 'bench-raw-consumer',
    stream,
    filter,
    durable,
    databaseUrl,
    start: { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Number(startSeq) },
    apply: async (client, message, id) => {
      const payload = JSON.parse(Buffer.from(message.data).toString('utf8')) as { n: number };
      await client.query(SINK_INSERT, [durable, id, payload.n, new Date(Math.floor(message.info.timestampNanos / 1e6))]);
    },
  });
}

if (require.main === module) runAsChild(main);
