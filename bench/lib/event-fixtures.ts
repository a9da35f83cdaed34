import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import type { EventDefinition } from '@suite/platform';

/** The events bench's event: a subject in analytics' stream (EVT_ANALYTICS) and a payload the platform validates. */
export class BenchHappenedPayload {
  @IsInt()
  @Min(0)
  n!: number;

  @IsString()
  @MaxLength(64)
  note!: string;
}

export const BenchHappened: EventDefinition<BenchHappenedPayload> = {
  subject: 'evt.analytics.bench.happened',
  payload: BenchHappenedPayload,
  version: 1,
};

/**
 * What both consumers write besides their inbox row: one row per event, stamped with clock_timestamp()
 * (the handler's last statement before COMMIT), which gives the drain rate and the delivery latency, and with
 * the time the stream stored the message (ms), which splits that latency into relay and consumer.
 */
export const SINK_DDL = `CREATE TABLE IF NOT EXISTS bench_event_sink (
  consumer text NOT NULL, message_id text NOT NULL, n int NOT NULL, stored_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (consumer, message_id))`;

export const SINK_INSERT = 'INSERT INTO bench_event_sink (consumer, message_id, n, stored_at) VALUES ($1, $2, $3, $4)';
export const INBOX_INSERT = 'INSERT INTO processed_event (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING';

/** Handlers running at once, in both consumers: the platform's default for @OnEvent. */
export const EVENTS_CONCURRENCY = 8;
/** Server-side limit of delivered, unacked messages, in both consumers: the platform's default. */
export const EVENTS_MAX_ACK_PENDING = 1000;
/** Pool size of both: the platform's Prisma pool (createPrismaClient's default). */
export const EVENTS_POOL_SIZE = 10;
