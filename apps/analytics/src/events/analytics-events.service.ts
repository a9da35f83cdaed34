import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TrackEventDto, TrackEventResponse } from '@suite/contracts/analytics';
import { Prisma } from '@suite/db/analytics';
import { CallerIdentity } from '@suite/platform';
import { RecordEventCommand } from './commands/record-event.command';

@Injectable()
export class AnalyticsEventsService {
  constructor(private readonly commands: CommandBus) {}

  /** Stores the event as sent; the caller's user id (when signed in) is taken from the identity, never from the body. */
  async track(event: TrackEventDto, caller: CallerIdentity): Promise<TrackEventResponse> {
    const id = await this.commands.execute(
      new RecordEventCommand({
        eventType: event.eventType,
        entityType: event.entityType ?? null,
        entityId: event.entityId ?? null,
        metadata: (event.metadata ?? null) as Prisma.InputJsonValue | null,
        userId: caller.userId ?? null,
        timestamp: event.timestamp ? new Date(event.timestamp) : new Date(),
      }),
    );
    return { id: id as string };
  }
}
