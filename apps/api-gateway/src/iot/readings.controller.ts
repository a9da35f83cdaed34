import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IotTelemetrySubjects, LatestReadingView, ReadingQuery, ReadingsView } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices/:id')
export class ReadingsController {
  constructor(private readonly nats: NatsClient) {}

  @Get('readings')
  @RequirePermissions('devices:read')
  @ApiOperation({
    summary:
      'Readings in [from, to) (default the last 24 h): raw newest first with a cursor, or with bucket=1m|1h|1d min/max/avg/count per sensor per bucket, oldest first',
  })
  @ApiOkResponse({ type: ReadingsView })
  query(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Query() query: ReadingQuery,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<ReadingsView> {
    return this.nats.request(IotTelemetrySubjects.ReadingQuery, { ...query, deviceId }, { caller });
  }

  @Get('latest')
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: 'The latest reading of each active sensor (value null when it has sent none)' })
  @ApiOkResponse({ type: [LatestReadingView] })
  latest(@Param('id', ParseUUIDPipe) deviceId: string, @CurrentCaller() caller: CallerIdentity): Promise<LatestReadingView[]> {
    return this.nats.request(IotTelemetrySubjects.ReadingLatest, { deviceId }, { caller });
  }
}
