import { Injectable } from '@nestjs/common';
import { NotificationFailed, type NotificationChannel } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { enqueueEvent, UnitOfWork } from '@suite/platform';
import { AlertingConfig } from '../../config';
import { DeliveryError, NotificationRow, SendOutcome } from '../channels/channel-sender';
import { NotifyRequest } from '../notify.command';
import { NotifyHandler } from '../notify.handler';
import { nextAttempt } from './backoff';
import { notificationAttempts } from './delivery-metrics';

type Tx = Prisma.TransactionClient;
const json = (v: unknown) => (v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/** Writes what one attempt did: the attempt row, the notification's new status, and the next channel after a permanent failure. */
@Injectable()
export class DeliveryRecorder {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: AlertingConfig,
    private readonly notify: NotifyHandler,
  ) {}

  async record(n: NotificationRow, outcome: SendOutcome | DeliveryError, durationMs: number): Promise<void> {
    const counted = await this.uow.run(async (tx): Promise<string> => {
      const now = new Date();
      const attempt = n.retryCount + 1;
      const failed = outcome instanceof DeliveryError;
      await tx.notificationAttempt.create({
        data: {
          notificationId: n.id,
          attempt,
          provider: outcome.provider,
          succeeded: !failed,
          providerMessageId: failed ? null : (outcome.providerMessageId ?? null),
          providerResponse: json(outcome.response),
          errorMessage: failed ? outcome.message.slice(0, 2000) : null,
          durationMs,
        },
      });
      if (!failed) {
        await tx.notification.update({
          where: { id: n.id },
          data: {
            status: outcome.delivered ? 'DELIVERED' : 'SENT',
            provider: outcome.provider,
            providerMessageId: outcome.providerMessageId ?? null,
            providerResponse: json(outcome.response),
            sentAt: now,
            deliveredAt: outcome.delivered ? now : null,
            nextRetryAt: null,
            errorMessage: null,
          },
        });
        return 'sent';
      }
      const next = outcome.permanent
        ? ({ retry: false } as const)
        : nextAttempt(attempt, n.maxRetries, now, this.config.NOTIFY_RETRY_BASE_MS, this.config.NOTIFY_RETRY_MAX_MS);
      const common = { provider: outcome.provider, providerResponse: json(outcome.response), errorMessage: outcome.message.slice(0, 2000) };
      if (next.retry) {
        await tx.notification.update({
          where: { id: n.id },
          data: { ...common, status: 'RETRYING', retryCount: attempt, nextRetryAt: next.at },
        });
        return 'retrying';
      }
      await tx.notification.update({
        where: { id: n.id },
        data: {
          ...common,
          status: outcome.status,
          failedAt: now,
          nextRetryAt: null,
          retryCount: outcome.permanent ? n.retryCount : attempt,
        },
      });
      // Told to others (analytics) through the outbox, in this transaction.
      await enqueueEvent(tx, NotificationFailed, {
        notificationId: n.id,
        userId: n.userId,
        alertId: n.alertId,
        channel: n.channel,
        status: outcome.status,
        provider: outcome.provider,
        errorMessage: outcome.message.slice(0, 500),
        nextChannel: (n.fallbackChannels[0] as string | undefined) ?? null,
      });
      await this.fallBack(tx, n);
      return outcome.status.toLowerCase();
    });
    // After the commit, so a rolled-back attempt (to be made again) is not counted.
    notificationAttempts.inc({ channel: n.channel, outcome: counted });
  }

  /** The recipient's next channel, once; the dedup key makes a channel they already had this message on a no-op. */
  async fallBack(tx: Tx, n: NotificationRow): Promise<void> {
    const [next, ...rest] = n.fallbackChannels as NotificationChannel[];
    const request = (n.metadata as { request?: NotifyRequest } | null)?.request;
    if (!next || !request || !n.userId) return;
    const row = await tx.notificationRecipient.findUnique({ where: { userId: n.userId } });
    if (row) await this.notify.queue(tx, request, row, next, rest, n.id);
  }
}
