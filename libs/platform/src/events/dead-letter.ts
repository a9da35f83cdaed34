import { headers as natsHeaders, MsgHdrs, NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, JsMsg } from '@nats-io/jetstream';
import { StreamSpec } from '../nats/jetstream';

/**
 * Messages no handler could process, kept 30 days for inspection and replay. One subject per
 * (service, consumer): `deadletter.<service>.<handler>`. The original payload is the body; the
 * headers say where it came from and why it is here.
 */
export const DEAD_LETTER_STREAM: StreamSpec = { name: 'DEADLETTER', subjects: ['deadletter.>'], maxAgeMs: 30 * 24 * 3600 * 1000 };

export const DeadLetterHeaders = {
  Subject: 'Deadletter-Subject',
  Service: 'Deadletter-Service',
  Consumer: 'Deadletter-Consumer',
  Deliveries: 'Deadletter-Deliveries',
  Error: 'Deadletter-Error',
  Reason: 'Deadletter-Reason',
  MessageId: 'Deadletter-Msg-Id',
  StreamSequence: 'Deadletter-Stream-Seq',
} as const;

export type DeadLetterReason = 'invalid_payload' | 'deliveries_exhausted';

/** The request subject on which a service replays its dead letters (the platform answers it). */
export const deadLetterReplaySubject = (service: string) => `${service}.deadletter.replay`;

export const deadLetterSubject = (service: string, handler: string) => `deadletter.${service}.${handler}`;

export interface DeadLetterInput {
  service: string;
  handler: string;
  consumer: string;
  subject: string;
  messageId: string;
  deliveries: number;
  streamSequence: number;
  reason: DeadLetterReason;
  error: string;
  data: Uint8Array;
  /** Headers of the original message worth keeping (request id, event version). */
  carried?: MsgHdrs;
}

/** Headers carry one line each: an error message is cut to its first line and 500 characters. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 500);

export async function publishDeadLetter(nc: NatsConnection, input: DeadLetterInput): Promise<void> {
  const h = natsHeaders();
  for (const [key, values] of input.carried ?? []) if (!key.toLowerCase().startsWith('nats-')) for (const v of values) h.append(key, v);
  h.set(DeadLetterHeaders.Subject, input.subject);
  h.set(DeadLetterHeaders.Service, input.service);
  h.set(DeadLetterHeaders.Consumer, input.consumer);
  h.set(DeadLetterHeaders.Deliveries, String(input.deliveries));
  h.set(DeadLetterHeaders.Reason, input.reason);
  h.set(DeadLetterHeaders.Error, oneLine(input.error) || 'unknown error');
  h.set(DeadLetterHeaders.MessageId, input.messageId);
  h.set(DeadLetterHeaders.StreamSequence, String(input.streamSequence));
  // The same failure dead-lettered twice (a crash before the term) is stored once.
  await jetstream(nc).publish(deadLetterSubject(input.service, input.handler), input.data, {
    headers: h,
    msgID: `${input.consumer}:${input.messageId}`,
  });
}

export interface DeadLetter {
  sequence: number;
  storedAt: string;
  service: string;
  consumer: string;
  subject: string;
  messageId: string;
  deliveries: number;
  reason: string;
  error: string;
  payload: string;
}

export function toDeadLetter(message: JsMsg): DeadLetter {
  const h = (name: string) => message.headers?.get(name) ?? '';
  return {
    sequence: message.seq,
    storedAt: new Date(Math.floor(message.info.timestampNanos / 1e6)).toISOString(),
    service: h(DeadLetterHeaders.Service),
    consumer: h(DeadLetterHeaders.Consumer),
    subject: h(DeadLetterHeaders.Subject),
    messageId: h(DeadLetterHeaders.MessageId),
    deliveries: Number(h(DeadLetterHeaders.Deliveries)),
    reason: h(DeadLetterHeaders.Reason),
    error: h(DeadLetterHeaders.Error),
    payload: message.string(),
  };
}

/**
 * Reads dead letters in stream order through an ordered (ephemeral) consumer, optionally those of
 * one service or one of its handlers. Calls `visit` for each; reading stops when none is left.
 */
export async function readDeadLetters(
  nc: NatsConnection,
  filter: { service?: string; handler?: string },
  visit: (message: JsMsg) => Promise<void>,
  max = 10000,
): Promise<number> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(DEAD_LETTER_STREAM.name).catch(() => null);
  if (!info || info.state.messages === 0) return 0;
  const subject = filter.service ? deadLetterSubject(filter.service, filter.handler ?? '>') : 'deadletter.>';
  // A string, not an array: several filter subjects need NATS 2.10, Debian 12 ships 2.9.
  const consumer = await jetstream(nc).consumers.get(DEAD_LETTER_STREAM.name, { filter_subjects: subject });
  // Counted up front so the last batch ends when it is complete instead of waiting for its expiry.
  const total = Math.min(max, (await consumer.info(true)).num_pending);
  let seen = 0;
  try {
    while (seen < total) {
      const batch = await consumer.fetch({ max_messages: Math.min(256, total - seen), expires: 2000 });
      let got = 0;
      for await (const message of batch) {
        got++;
        seen++;
        await visit(message);
      }
      if (got === 0) break;
    }
  } finally {
    // The server would keep the reader for its inactivity threshold (minutes) otherwise.
    await consumer.delete().catch(() => undefined);
  }
  return seen;
}

/** Every dead letter (of one service, or one of its handlers) in stream order. */
export async function listDeadLetters(nc: NatsConnection, filter: { service?: string; handler?: string } = {}): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  await readDeadLetters(nc, filter, async (message) => void letters.push(toDeadLetter(message)));
  return letters;
}

export interface ReplayResult {
  replayed: number;
  failed: { sequence: number; error: string }[];
}

/** Asks a running service to replay its dead letters; one replica answers (the queue group). */
export async function requestReplay(nc: NatsConnection, service: string, handler?: string, timeoutMs = 120000): Promise<ReplayResult> {
  const reply = await nc.request(deadLetterReplaySubject(service), JSON.stringify(handler ? { handler } : {}), { timeout: timeoutMs });
  const body = reply.json<ReplayResult | { error: string }>();
  if ('error' in body) throw new Error(`${service} could not replay: ${body.error}`);
  return body;
}

/** One line per dead letter, columns padded, for a terminal. */
export function formatDeadLetters(letters: DeadLetter[]): string {
  const header = ['SEQ', 'TIME', 'SERVICE', 'CONSUMER', 'SUBJECT', 'DELIVERIES', 'REASON', 'ERROR'];
  const rows = letters.map((l) => [
    String(l.sequence),
    l.storedAt,
    l.service,
    l.consumer,
    l.subject,
    String(l.deliveries),
    l.reason,
    l.error,
  ]);
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n');
}
