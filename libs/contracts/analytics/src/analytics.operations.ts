import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { EmptyRequest } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { PublicConfigEntry } from './config.dto';
import { TrackEventDto, TrackEventResponse } from './events.dto';
import { AnalyticsSubjects } from './subjects';

export class TrackEventRequest {
  @ValidateNested() @Type(() => TrackEventDto) body: TrackEventDto;
}

export const ConfigListPublic = operation({
  subject: AnalyticsSubjects.ConfigListPublic,
  request: EmptyRequest,
  response: [PublicConfigEntry],
  http: {
    method: 'GET',
    path: 'system-config/public',
    public: true,
    summary: 'Public settings a storefront needs (currency, timezone, ...)',
  },
});

/** A signed-in caller's events are attributed to them; anonymous ones carry the frontend's session id. */
export const EventTrack = operation({
  subject: AnalyticsSubjects.EventTrack,
  request: TrackEventRequest,
  response: TrackEventResponse,
  http: {
    method: 'POST',
    path: 'analytics/events',
    public: true,
    body: TrackEventDto,
    status: 202,
    summary: 'Record a behavioural event (page view, add to cart, ...)',
  },
});

export const AnalyticsOperations = [ConfigListPublic, EventTrack];
