import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnalyticsSubjects, TrackEventDto, TrackEventResponse } from '@suite/contracts/analytics';
import { Caller, CallerIdentity } from '@suite/platform';
import { AnalyticsEventsService } from './analytics-events.service';

@Controller()
export class AnalyticsEventsNatsController {
  constructor(private readonly events: AnalyticsEventsService) {}

  /** The payload is validated again here: the gateway is not the only publisher on NATS. */
  @MessagePattern(AnalyticsSubjects.EventTrack)
  track(@Payload() event: TrackEventDto, @Caller() caller: CallerIdentity): Promise<TrackEventResponse> {
    return this.events.track(event, caller);
  }
}
