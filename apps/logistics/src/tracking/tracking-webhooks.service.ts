import { Inject, Injectable } from '@nestjs/common';
import { TrackingWebhookResult } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { invalid, isUniqueViolation, notFound, UnitOfWork } from '@suite/platform';
import { TRACKING_ADAPTERS, TrackingAdapter } from './adapters/tracking-adapter';
import { TrackingUpdates } from './tracking-updates.service';

/** A carrier's burst queues on the pool (10 connections) rather than failing after Prisma's default 2 s wait. */
const BURST = { maxWait: 10000, timeout: 15000 };

/**
 * Tracking webhooks: the signature is checked before the body is even read (a bad one is 401 and
 * stores nothing). Each delivery id is recorded once (TrackingWebhookDelivery), so a redelivery is
 * answered 200 without work; the checkpoints themselves are deduplicated per shipment too, so the
 * full history that every AfterShip or EasyPost webhook repeats is stored once.
 */
@Injectable()
export class TrackingWebhooksService {
  constructor(
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly updates: TrackingUpdates,
    @Inject(TRACKING_ADAPTERS) private readonly adapters: TrackingAdapter[],
  ) {}

  async handle(provider: string, rawBody: string, headers: Record<string, string | undefined>): Promise<TrackingWebhookResult> {
    const adapter = this.adapters.find((a) => a.provider.toLowerCase() === provider);
    if (!adapter) throw notFound('LOGISTICS.TRACKING_PROVIDER_UNKNOWN', `No tracking provider ${provider}.`);
    adapter.verify(rawBody, headers);
    const delivery = adapter.readWebhook(rawBody);
    if (!delivery)
      throw invalid('LOGISTICS.WEBHOOK_UNREADABLE', 'The webhook body is not an event of this provider.', {
        errors: [{ field: 'body', messages: ['not a tracking event with an id'] }],
      });
    const nothing = { received: true as const, applied: false, stored: 0 };
    const update = delivery.update;
    if (!update) return nothing;
    try {
      return await this.uow.run(async (tx) => {
        // The delivery id is claimed first: a redelivery finds it taken (one statement), and the same delivery
        // twice at once waits on the key until the first commits, then finds it taken too.
        const key = { provider: adapter.provider, eventId: delivery.eventId };
        const claimed = await tx.trackingWebhookDelivery.createMany({ data: [key], skipDuplicates: true });
        if (claimed.count === 0) return nothing;
        const applied = await this.updates.apply(tx, update);
        if (!applied.shipmentId) {
          // not one of ours: nothing kept (a retry once the shipment exists applies it), the provider need not retry
          await tx.trackingWebhookDelivery.delete({ where: { provider_eventId: key } });
          return nothing;
        }
        return { received: true as const, applied: true, stored: applied.stored };
      }, BURST);
    } catch (error) {
      if (isUniqueViolation(error)) return nothing; // the same delivery twice at once: the other one applied it
      throw error;
    }
  }
}
