import { Injectable } from '@nestjs/common';
import { NotificationLive } from '@suite/contracts/alerting';
import { NatsConnectionService } from '@suite/platform';
import { toNotificationView } from '../notification-view';
import { ChannelSender, NotificationRow, SendOutcome } from './channel-sender';

/**
 * IN_APP: the stored row is the message; delivering it is telling the user's open SSE streams (core
 * NATS, no persistence: a client that was not connected lists it instead).
 */
@Injectable()
export class InAppSender implements ChannelSender {
  readonly channel = 'IN_APP';

  constructor(private readonly connection: NatsConnectionService) {}

  async send(n: NotificationRow): Promise<SendOutcome> {
    if (n.userId) {
      const nc = await this.connection.get();
      const delivered = { ...n, status: 'DELIVERED' as const, deliveredAt: new Date() };
      nc.publish(NotificationLive.user(n.userId), JSON.stringify(toNotificationView(delivered)));
    }
    return { provider: 'in-app', delivered: true };
  }
}
