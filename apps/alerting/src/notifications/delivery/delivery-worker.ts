import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Prisma } from '@suite/db/alerting';
import type { AlertingDb } from '@suite/db/alerting';
import { InjectDb, PeriodicJobs } from '@suite/platform';
import { AlertingConfig } from '../../config';
import { CHANNEL_SENDERS, ChannelSender, DeliveryError, NotificationRow, SendOutcome } from '../channels/channel-sender';
import { DeliveryRecorder } from './delivery-recorder';

const BATCH = 20;

/**
 * The delivery queue is the notifications table: due rows (QUEUED; RETRYING or quiet-hour PENDING whose
 * nextRetryAt has passed; SENDING whose worker died, after the lease) are claimed with FOR UPDATE SKIP
 * LOCKED, so replicas share the work and a restart loses nothing. Sending happens outside any transaction;
 * the outcome is recorded in one (attempt row + status + fallback). A crash between the provider's answer
 * and that commit sends the message again after the lease: at least once, never lost.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly senders = new Map<string, ChannelSender>();

  constructor(
    @InjectDb() private readonly db: AlertingDb,
    private readonly jobs: PeriodicJobs,
    private readonly config: AlertingConfig,
    private readonly recorder: DeliveryRecorder,
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
  ) {
    for (const s of senders) this.senders.set(s.channel, s);
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule({ name: 'notification-delivery', intervalMs: this.config.NOTIFY_POLL_MS, run: () => this.drain() });
  }

  /** Passes until nothing is due, so a burst does not wait a poll interval per batch. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return total;
      await Promise.all(claimed.map((n) => this.deliver(n)));
      total += claimed.length;
    }
  }

  private async claim(): Promise<NotificationRow[]> {
    const leaseExpired = new Date(Date.now() - this.config.NOTIFY_LEASE_MS);
    const ids = await this.db.$queryRaw<{ id: string }[]>(Prisma.sql`
      UPDATE notifications SET status = 'SENDING', "updatedAt" = now()
      WHERE id IN (
        SELECT id FROM notifications
        WHERE status = 'QUEUED'
           OR (status IN ('RETRYING', 'PENDING') AND "nextRetryAt" <= now())
           OR (status = 'SENDING' AND "updatedAt" < ${leaseExpired})
        ORDER BY priority, COALESCE("nextRetryAt", "queuedAt", "createdAt")
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`);
    if (ids.length === 0) return [];
    return this.db.notification.findMany({ where: { id: { in: ids.map((r) => r.id) } } });
  }

  private async deliver(n: NotificationRow): Promise<void> {
    const started = Date.now();
    let outcome: SendOutcome | DeliveryError;
    try {
      const sender = this.senders.get(n.channel);
      if (!sender) throw new DeliveryError(`no sender for ${n.channel}`, 'none', true, undefined, 'CANCELLED');
      outcome = await sender.send(n);
    } catch (error) {
      outcome =
        error instanceof DeliveryError
          ? error
          : new DeliveryError((error as Error).message ?? String(error), n.channel.toLowerCase(), false);
    }
    try {
      await this.recorder.record(n, outcome, Date.now() - started);
    } catch (error) {
      // The row stays SENDING and is taken again after the lease.
      this.logger.error(`recording the attempt of notification ${n.id} failed: ${(error as Error).message}`);
    }
  }
}
