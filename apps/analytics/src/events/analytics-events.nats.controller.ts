import { Controller } from '@nestjs/common';
import { EventTrack, TrackEventRequest } from '@suite/contracts/analytics';
import { CallerIdentity, Handles } from '@suite/platform';
import { AnalyticsEventsService } from './analytics-events.service';

@Controller()
export class AnalyticsEventsNatsController {
  constructor(private readonly events: AnalyticsEventsService) {}

  /** The payload is validated again here: the gateway is not the only publisher on NATS. */
  @Handles(EventTrack)
  track(r: TrackEventRequest, caller: CallerIdentity) {
    return this.events.track(r.body, caller);
  }
}
