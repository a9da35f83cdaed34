import { Injectable } from '@nestjs/common';
import { TrackEventDto, TrackEventResponse } from '@suite/contracts/analytics';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import { CallerIdentity, InjectDb } from '@suite/platform';

@Injectable()
export class AnalyticsEventsService {
  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  /** Stores the event as sent; the caller's user id (when signed in) is taken from the identity, never from the body. */
  async track(event: TrackEventDto, caller: CallerIdentity): Promise<TrackEventResponse> {
    const row = await this.db.analyticsEvent.create({
      data: {
        eventType: event.eventType,
        entityType: event.entityType ?? null,
        entityId: event.entityId ?? null,
        metadata: (event.metadata ?? Prisma.JsonNull) as Prisma.InputJsonValue,
        userId: caller.userId ?? null,
        timestamp: event.timestamp ? new Date(event.timestamp) : new Date(),
      },
      select: { id: true },
    });
    return { id: row.id };
  }
}
