import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MarkedReadView, NotificationPage, NotificationView, TestNotificationDto, TestNotificationView } from '@suite/contracts/alerting';
import type { AlertingDb } from '@suite/db/alerting';
import { CallerIdentity, InjectDb, newestFirstAfter, notFound, pageLimit, timeKeyOf, toPage } from '@suite/platform';
import type { NotificationListQuery } from '@suite/contracts/alerting';
import { requireSignedIn } from './access';
import { toNotificationView } from './notification-view';
import { NotifyCommand } from './notify.command';
import { RecipientsService } from './recipients/recipients.service';

const notFoundError = () => notFound('ALERTING.NOTIFICATION_NOT_FOUND', 'No such notification.');

/** A user's own notifications: another user's are not found (404), whoever asks. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDb() private readonly db: AlertingDb,
    private readonly recipients: RecipientsService,
    private readonly commands: CommandBus,
  ) {}

  async list(caller: CallerIdentity, q: NotificationListQuery): Promise<NotificationPage> {
    const userId = requireSignedIn(caller);
    await this.recipients.touch(caller);
    const limit = pageLimit(q);
    const rows = await this.db.notification.findMany({
      where: {
        userId,
        ...(q.channel ? { channel: q.channel } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.unread ? { channel: 'IN_APP', readAt: null } : {}),
        ...newestFirstAfter(q.cursor),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const page = toPage(rows, limit, (r) => timeKeyOf(r.createdAt.toISOString(), r.id));
    return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor, unreadCount: await this.unread(userId) };
  }

  async get(caller: CallerIdentity, id: string): Promise<NotificationView> {
    const userId = requireSignedIn(caller);
    const row = await this.db.notification.findFirst({ where: { id, userId } });
    if (!row) throw notFoundError();
    return toNotificationView(row);
  }

  async markRead(caller: CallerIdentity, id: string): Promise<MarkedReadView> {
    const userId = requireSignedIn(caller);
    const row = await this.db.notification.findFirst({ where: { id, userId }, select: { id: true } });
    if (!row) throw notFoundError();
    const { count } = await this.db.notification.updateMany({ where: { id, readAt: null }, data: { readAt: new Date() } });
    return { updated: count, unreadCount: await this.unread(userId) };
  }

  async markAllRead(caller: CallerIdentity): Promise<MarkedReadView> {
    const userId = requireSignedIn(caller);
    const { count } = await this.db.notification.updateMany({
      where: { userId, channel: 'IN_APP', readAt: null },
      data: { readAt: new Date() },
    });
    return { updated: count, unreadCount: await this.unread(userId) };
  }

  /** The same path as an alert's notification: the NotifyCommand, the queue, the retries. */
  async test(caller: CallerIdentity, dto: TestNotificationDto): Promise<TestNotificationView> {
    requireSignedIn(caller);
    const title = dto.title ?? 'Test notification';
    const ids = await this.commands.execute<NotifyCommand, string[]>(
      new NotifyCommand({
        dedupKey: `test:${dto.dedupKey ?? randomUUID()}`,
        kind: 'FIRING',
        alertIds: [],
        category: dto.category ?? 'SYSTEM',
        priority: dto.priority ?? 'LOW',
        eventType: 'notification.test',
        recipients: [{ userId: dto.userId, ...(dto.channel ? { channels: [dto.channel] } : {}) }],
        variables: { title, message: dto.message ?? `${title}: sent by an operator to check delivery.`, channel: dto.channel ?? '' },
      }),
    );
    return { notificationIds: ids };
  }

  private unread(userId: string): Promise<number> {
    return this.db.notification.count({ where: { userId, channel: 'IN_APP', readAt: null } });
  }
}
