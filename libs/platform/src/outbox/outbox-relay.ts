import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DB, PrismaLike } from '../db/prisma.module';
import { outboxPublished, outboxPublishFailures } from '../metrics/metrics';
import { eventStreamFor, JetStreamService } from '../nats/jetstream';

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string> | null;
}

export const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');
export interface OutboxOptions {
  service: string;
  batchSize?: number;
  idleDelayMs?: number;
  /** Published rows are kept this long (for inspection), then deleted; the stream keeps the events. */
  retentionMs?: number;
}

const DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000;
/**
 * Inbox rows (processed_event) are kept twice as long as a stream keeps its events (eventStreamFor:
 * 7 days): past that no redelivery can come for them. Dead letters replayed later had no row (their
 * transaction rolled back), so nothing they need is deleted.
 */
export const INBOX_RETENTION_MS = 14 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Publishes committed outbox rows to JetStream, oldest first, with Nats-Msg-Id = row id so a row
 * published twice (crash between publish and mark) is dropped by the stream's duplicate window.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several replicas share the work without
 * publishing the same row at the same time. A failed publish is retried on a later pass.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private wake?: () => void;
  /** Set by kick(): a commit made while a pass runs is not seen by it, and must not wait for the idle delay. */
  private kicked = false;
  private loop?: Promise<void>;

  constructor(
    @Inject(DB) private readonly db: PrismaLike,
    private readonly jetstream: JetStreamService,
    @Inject(OUTBOX_OPTIONS) private readonly options: OutboxOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publish now rather than at the next poll (call after committing a transaction that enqueued events). */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /**
   * Publishes what is pending now, including rows a concurrent pass holds, and returns once none is
   * left (rows whose publish failed are left to the loop) or `timeoutMs` has passed.
   */
  async flush(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await this.publishPending();
      const [{ waiting }] = await this.db.$queryRawUnsafe<{ waiting: boolean }[]>(
        'SELECT EXISTS (SELECT 1 FROM outbox_event WHERE published_at IS NULL AND attempts = 0) AS waiting',
      );
      if (!waiting) return;
      await new Promise((resolve) => setTimeout(resolve, 5)); // not this.sleep: that would take the loop's wake-up
    }
  }

  /** One pass: returns how many rows were published. Exposed for tests and for draining on demand. */
  async publishPending(): Promise<number> {
    const limit = this.options.batchSize ?? 100;
    const counted = { published: [] as string[], failed: [] as string[] };
    const published = await this.db.$transaction(
      async (tx) => {
        const rows: OutboxRow[] = await tx.$queryRawUnsafe(
          'SELECT id::text AS id, subject, payload, headers FROM outbox_event WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED',
          limit,
        );
        // All at once: publishes leave in order on one connection, so the stream stores them in order,
        // and the pass waits for one round of acks instead of one per row. A row that fails (its
        // stream missing or full) is retried on a later pass; the rows beside it do not wait for it.
        const results = await Promise.allSettled(
          rows.map((row) => this.jetstream.publish(row.subject, row.payload, { msgId: row.id, headers: row.headers ?? undefined })),
        );
        const published: string[] = [];
        counted.published = [];
        counted.failed = [];
        for (const [i, result] of results.entries()) {
          if (result.status === 'fulfilled') {
            published.push(rows[i].id);
            counted.published.push(rows[i].subject);
          } else {
            counted.failed.push(rows[i].subject);
            await tx.$executeRawUnsafe(
              'UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = $1::uuid',
              rows[i].id,
              String((result.reason as Error)?.message).slice(0, 500),
            );
          }
        }
        if (published.length > 0) {
          await tx.$executeRawUnsafe(
            'UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])',
            published,
          );
        }
        return published.length;
      },
      { timeout: 30000, maxWait: 10000 },
    ); // a busy pool at start-up makes a pass wait, not fail
    // Counted after the commit: a pass whose marks rolled back publishes those rows again (deduplicated by the stream).
    for (const subject of counted.published) outboxPublished.inc({ subject });
    for (const subject of counted.failed) outboxPublishFailures.inc({ subject });
    return published;
  }

  /** Deletes published rows older than the retention; unpublished rows are never deleted. */
  async prunePublished(): Promise<number> {
    const cutoff = new Date(Date.now() - (this.options.retentionMs ?? DEFAULT_RETENTION_MS));
    return this.db.$executeRawUnsafe('DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < $1', cutoff);
  }

  /** Deletes the consumers' inbox rows no redelivery can need any more (INBOX_RETENTION_MS). */
  async pruneInbox(): Promise<number> {
    return this.db.$executeRawUnsafe('DELETE FROM processed_event WHERE processed_at < $1', new Date(Date.now() - INBOX_RETENTION_MS));
  }

  private async run(): Promise<void> {
    let streamReady = false;
    let lastPrune = 0;
    while (this.running) {
      let published = 0;
      this.kicked = false;
      try {
        if (!streamReady) {
          await this.jetstream.ensureStream(eventStreamFor(this.options.service));
          streamReady = true;
        }
        published = await this.publishPending();
        if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = Date.now();
          await this.prunePublished();
          await this.pruneInbox();
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox relay pass failed; retrying');
        this.kicked = false; // a failing pass waits the idle delay however many commits kick it
      }
      if (published < (this.options.batchSize ?? 100) && !this.kicked) await this.sleep(this.options.idleDelayMs ?? 250);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
