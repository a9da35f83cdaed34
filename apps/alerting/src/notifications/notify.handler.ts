import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { NotificationChannel } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { UnitOfWork } from '@suite/platform';
import { AlertingConfig } from '../config';
import { NotifyCommand, NotifyRequest } from './notify.command';
import { chooseChannels, ChannelRule } from './recipients/channel-choice';
import { deferredUntil } from './recipients/quiet-hours';
import { RecipientRow, RecipientsService } from './recipients/recipients.service';
import { TemplateResolver } from './templates/template-resolver';

type Tx = Prisma.TransactionClient;

/** AlertPriority -> Notification.priority (1 most urgent): the worker takes urgent rows first. */
export const PRIORITY_RANK: Record<string, number> = { CRITICAL: 1, HIGH: 3, MEDIUM: 5, LOW: 7 };

export const dedupKeyOf = (requestKey: string, userId: string, channel: string) => `${requestKey}|${userId}|${channel}`;

/**
 * Turns "tell these people" into queued notifications: recipients resolved from the read model, channels
 * from their preferences (narrowed by the request), the message from the template for their locale, and
 * quiet hours honoured (held as PENDING until the window ends; CRITICAL goes at once). One row per
 * recipient and channel, unique on the request's dedupKey, so a redelivered request queues nothing twice.
 */
@CommandHandler(NotifyCommand)
export class NotifyHandler implements ICommandHandler<NotifyCommand, string[]> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly recipients: RecipientsService,
    private readonly templates: TemplateResolver,
    private readonly config: AlertingConfig,
  ) {}

  execute({ request }: NotifyCommand): Promise<string[]> {
    return this.uow.run(async (tx) => {
      const ids: string[] = [];
      for (const { row, channels } of await this.recipients.resolve(request.recipients, tx)) {
        const choice = chooseChannels(
          { channels: row.channels as NotificationChannel[], rules: row.rules as unknown as ChannelRule[] },
          request.category,
          request.priority,
          channels as NotificationChannel[] | undefined,
        );
        for (const channel of choice.send) ids.push(...(await this.queue(tx, request, row, channel, choice.fallback)));
      }
      return ids;
    });
  }

  /** Also used for a fallback channel after a permanent failure. */
  async queue(
    tx: Tx,
    request: NotifyRequest,
    row: RecipientRow,
    channel: NotificationChannel,
    fallback: NotificationChannel[],
    fallbackFrom?: string,
  ): Promise<string[]> {
    const now = new Date();
    const quiet = row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd, timeZone: row.timezone } : null;
    const heldUntil = deferredUntil(now, request.priority, quiet);
    const variables = {
      ...request.variables,
      category: request.category,
      priority: request.priority,
      kind: request.kind,
      eventType: request.eventType,
      alertIds: request.alertIds,
      count: request.variables.count ?? request.alertIds.length,
      groupKey: request.groupKey ?? '',
    };
    const message = await this.templates.render(tx, request.eventType, channel, row.locale, variables);
    const created = await tx.notification.createManyAndReturn({
      data: {
        dedupKey: dedupKeyOf(request.dedupKey, row.userId, channel),
        userId: row.userId,
        recipientId: row.userId,
        recipientEmail: row.email,
        recipientPhone: row.phone,
        alertId: request.alertIds[0] ?? null,
        templateId: message.templateId,
        channel,
        priority: PRIORITY_RANK[request.priority] ?? 5,
        subject: message.subject,
        body: message.body,
        maxRetries: this.config.NOTIFY_MAX_RETRIES,
        fallbackChannels: fallback.filter((c) => c !== channel),
        // Quiet hours: held as PENDING, taken by the worker once nextRetryAt (the end of the window) passes.
        status: heldUntil ? 'PENDING' : 'QUEUED',
        queuedAt: heldUntil ? null : now,
        nextRetryAt: heldUntil,
        metadata: {
          request: request as unknown as Prisma.InputJsonValue,
          heldForQuietHours: Boolean(heldUntil),
          fallbackFrom: fallbackFrom ?? null,
        },
      },
      skipDuplicates: true,
      select: { id: true },
    });
    return created.map((c) => c.id);
  }
}
