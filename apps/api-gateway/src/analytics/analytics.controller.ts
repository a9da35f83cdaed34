import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnalyticsSubjects, PublicConfigEntry, TrackEventDto, TrackEventResponse } from '@suite/contracts/analytics';
import { ANONYMOUS, NatsClient } from '@suite/platform';
import { Public } from '../auth/auth.decorators';

@ApiTags('analytics')
@Controller()
export class AnalyticsController {
  constructor(private readonly nats: NatsClient) {}

  @Get('system-config/public')
  @Public()
  @ApiOperation({ summary: 'Public settings a storefront needs (currency, timezone, ...)' })
  @ApiOkResponse({ type: PublicConfigEntry, isArray: true })
  listPublicConfig(): Promise<PublicConfigEntry[]> {
    return this.nats.request(AnalyticsSubjects.ConfigListPublic, {}, { caller: ANONYMOUS });
  }

  @Post('analytics/events')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Record a behavioural event (page view, add to cart, ...)' })
  @ApiAcceptedResponse({ type: TrackEventResponse })
  track(@Body() event: TrackEventDto): Promise<TrackEventResponse> {
    return this.nats.request(AnalyticsSubjects.EventTrack, event, { caller: ANONYMOUS });
  }
}
