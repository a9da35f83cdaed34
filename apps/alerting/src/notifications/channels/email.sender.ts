import { Injectable } from '@nestjs/common';
import { AppError, InjectMailer, Mailer } from '@suite/platform';
import { ChannelSender, DeliveryError, NotificationRow, SendOutcome } from './channel-sender';

/** EMAIL through the platform's Mailer (SMTP). `unavailable` is worth a retry; `invalid` is a bounce. */
@Injectable()
export class EmailSender implements ChannelSender {
  readonly channel = 'EMAIL';

  constructor(@InjectMailer() private readonly mailer: Mailer) {}

  async send(n: NotificationRow): Promise<SendOutcome> {
    if (!n.recipientEmail) throw new DeliveryError('the recipient has no email address', 'smtp', true, undefined, 'CANCELLED');
    try {
      const { messageId } = await this.mailer.send({ to: n.recipientEmail, subject: n.subject ?? '', text: n.body });
      return { provider: 'smtp', providerMessageId: messageId };
    } catch (error) {
      const kind = error instanceof AppError ? error.kind : 'unavailable';
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'invalid') throw new DeliveryError(message, 'smtp', true, undefined, 'BOUNCED');
      throw new DeliveryError(message, 'smtp', false);
    }
  }
}
