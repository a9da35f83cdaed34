import { Inject, Injectable } from '@nestjs/common';
import { ChannelSender, DeliveryError, NotificationRow, SendOutcome } from '../channel-sender';
import { providerFor } from './sms-provider.factory';
import { SMS_PROVIDERS, SmsProvider } from './sms-provider';

/** SMS through the provider for the number; DELIVERED or FAILED arrive later by the provider's callback. */
@Injectable()
export class SmsSender implements ChannelSender {
  readonly channel = 'SMS';

  constructor(@Inject(SMS_PROVIDERS) private readonly providers: SmsProvider[]) {}

  async send(n: NotificationRow): Promise<SendOutcome> {
    if (!n.recipientPhone) throw new DeliveryError('the recipient has no phone number', 'none', true, undefined, 'CANCELLED');
    const provider = providerFor(this.providers, n.recipientPhone);
    if (!provider) throw new DeliveryError('no SMS provider is configured for this number', 'none', true, undefined, 'CANCELLED');
    const text = n.subject ? `${n.subject}\n${n.body}` : n.body;
    const { messageId, response } = await provider.send(n.recipientPhone, text.slice(0, 1000));
    return { provider: provider.name, providerMessageId: messageId, response };
  }
}
