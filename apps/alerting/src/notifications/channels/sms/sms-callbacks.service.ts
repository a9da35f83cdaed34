import { Inject, Injectable } from '@nestjs/common';
import { SmsCallbackRequest, SmsCallbackView } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { unauthorized, UnitOfWork } from '@suite/platform';
import { DeliveryRecorder } from '../../delivery/delivery-recorder';
import { SMS_PROVIDERS, SmsProvider } from './sms-provider';

type Tx = Prisma.TransactionClient;

/**
 * A provider's delivery report: verified against the provider's signature before anything is read or
 * stored. DELIVERED and FAILED are final; a report for a message already final, or unknown, changes nothing
 * (providers send them more than once and out of order).
 */
@Injectable()
export class SmsCallbacksService {
  constructor(
    @Inject(SMS_PROVIDERS) private readonly providers: SmsProvider[],
    private readonly uow: UnitOfWork<Tx>,
    private readonly recorder: DeliveryRecorder,
  ) {}

  async apply(r: SmsCallbackRequest): Promise<SmsCallbackView> {
    const provider = this.providers.find((p) => p.name === r.provider);
    const update = provider?.readCallback(r.rawBody, r.url, r.headers) ?? null;
    if (!update) throw unauthorized('ALERTING.SMS_CALLBACK_SIGNATURE', 'The callback signature does not verify.');
    if (update.status === 'SENT') return { received: true, applied: false };
    return this.uow.run(async (tx) => {
      const now = new Date();
      const where = {
        provider: r.provider,
        providerMessageId: update.messageId,
        channel: 'SMS' as const,
        status: { in: ['SENT' as const] },
      };
      const affected = await tx.notification.findMany({ where });
      const { count } = await tx.notification.updateMany({
        where: { ...where, id: { in: affected.map((n) => n.id) } },
        data:
          update.status === 'DELIVERED'
            ? { status: 'DELIVERED', deliveredAt: now, providerResponse: update.detail as Prisma.InputJsonValue }
            : {
                status: 'FAILED',
                failedAt: now,
                errorMessage: 'the provider reported the message undelivered',
                providerResponse: update.detail as Prisma.InputJsonValue,
              },
      });
      // Undelivered for good: the recipient's next channel, as after a failed send.
      if (update.status === 'FAILED') for (const n of affected) await this.recorder.fallBack(tx, n);
      return { received: true, applied: count > 0 };
    });
  }
}
