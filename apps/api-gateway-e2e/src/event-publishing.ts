import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { eventually } from './processes';

/** A durable consumer: [stream, durable name]. */
export type Durable = readonly [stream: string, durable: string];

/** Waits until the durable has taken and acked everything up to the stream sequence `seq`. */
export async function durableSettled(nc: NatsConnection, [stream, durable]: Durable, seq: number, timeoutMs = 20000): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await eventually(
    () => jsm.consumers.info(stream, durable),
    (c) => c.ack_floor.stream_seq >= seq && c.num_ack_pending === 0,
    timeoutMs,
  );
}

/**
 * Publishes events the way a service's outbox relay does (each its own Nats-Msg-Id, the version header), 100 at a
 * time, then waits until every named durable has taken and acked all of them. Returns the message ids, in order.
 */
export async function publishLikeOutbox(
  nc: NatsConnection,
  subject: string,
  payloads: object[],
  durables: Durable[],
  options: { msgIds?: string[]; timeoutMs?: number } = {},
): Promise<string[]> {
  const js = jetstream(nc);
  const h = natsHeaders();
  h.set('Event-Version', '1');
  const ids = payloads.map((_, i) => options.msgIds?.[i] ?? randomUUID());
  let last = 0;
  for (let i = 0; i < payloads.length; i += 100) {
    const acks = await Promise.all(
      payloads.slice(i, i + 100).map((p, j) => js.publish(subject, JSON.stringify(p), { msgID: ids[i + j], headers: h })),
    );
    last = Math.max(last, ...acks.map((a) => a.seq));
  }
  for (const durable of durables) await durableSettled(nc, durable, last, options.timeoutMs);
  return ids;
}
