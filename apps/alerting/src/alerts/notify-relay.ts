import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, CommandHandlerNotFoundException } from '@nestjs/cqrs';
import { UnitOfWork } from '@suite/platform';
import { Tx } from '../access/access';
import { NotifyCommand, NotifyRequest } from '../notifications/notify.command';

const BATCH = 100;

/**
 * Hands pending notification-log rows to NotifyCommand, one row per transaction (the handler's own writes join it,
 * so a row is marked dispatched exactly when its notification was accepted). Without a NotifyCommand handler in
 * the process, or when it fails, the row stays pending and is retried with backoff: nothing decided is lost.
 */
@Injectable()
export class NotifyRelay {
  private readonly logger = new Logger('NotifyRelay');
  private warnedMissing = false;

  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly commandBus: CommandBus,
  ) {}

  async run(): Promise<number> {
    let dispatched = 0;
    for (let i = 0; i < BATCH; i++) {
      const outcome = await this.uow.run(async (tx) => {
        const [row] = await tx.$queryRaw<{ id: string; request: NotifyRequest; attempts: number }[]>`
          SELECT id, request, attempts FROM alert_notification_log WHERE dispatched_at IS NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return 'empty' as const;
        // A savepoint: a handler whose SQL fails must not abort the transaction that records the failure.
        await tx.$executeRawUnsafe('SAVEPOINT notify');
        try {
          await this.commandBus.execute(new NotifyCommand(row.request));
          await tx.alertNotificationLog.update({
            where: { id: row.id },
            data: { dispatchedAt: new Date(), attempts: row.attempts + 1, lastError: null },
          });
          return 'sent' as const;
        } catch (error) {
          await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT notify');
          const missing = error instanceof CommandHandlerNotFoundException;
          if (missing && !this.warnedMissing)
            this.logger.warn('no NotifyCommand handler in this process: notifications stay pending in alert_notification_log');
          this.warnedMissing ||= missing;
          const delayMs = Math.min(300000, 1000 * 2 ** Math.min(row.attempts, 10));
          await tx.alertNotificationLog.update({
            where: { id: row.id },
            data: {
              attempts: row.attempts + 1,
              nextAttemptAt: new Date(Date.now() + delayMs),
              lastError: (error as Error).message.slice(0, 500),
            },
          });
          return 'failed' as const;
        }
      });
      if (outcome === 'empty') break;
      if (outcome === 'sent') dispatched++;
    }
    return dispatched;
  }
}
