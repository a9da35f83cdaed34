import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateThresholdDto, IotTelemetrySubjects, ThresholdView, UpdateThresholdDto } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** Per-sensor alert rules, evaluated as readings arrive; a sensor on another grower's device is 404. */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('sensors/:id/thresholds')
export class ThresholdsController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  @RequirePermissions('devices:read')
  @ApiOkResponse({ type: [ThresholdView] })
  list(@Param('id', ParseUUIDPipe) sensorId: string, @CurrentCaller() caller: CallerIdentity): Promise<ThresholdView[]> {
    return this.nats.request(IotTelemetrySubjects.ThresholdList, { sensorId }, { caller });
  }

  @Post()
  @RequirePermissions('devices:update')
  @ApiOperation({ summary: 'e.g. ABOVE 28 for 300 s with hysteresis 0.5: alert once held 5 minutes, cleared below 27.5' })
  @ApiCreatedResponse({ type: ThresholdView })
  create(
    @Param('id', ParseUUIDPipe) sensorId: string,
    @Body() body: CreateThresholdDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<ThresholdView> {
    return this.nats.request(IotTelemetrySubjects.ThresholdCreate, { sensorId, body }, { caller });
  }

  @Patch(':thresholdId')
  @RequirePermissions('devices:update')
  @ApiOkResponse({ type: ThresholdView })
  update(
    @Param('id', ParseUUIDPipe) sensorId: string,
    @Param('thresholdId', ParseUUIDPipe) thresholdId: string,
    @Body() body: UpdateThresholdDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<ThresholdView> {
    return this.nats.request(IotTelemetrySubjects.ThresholdUpdate, { sensorId, thresholdId, body }, { caller });
  }

  @Delete(':thresholdId')
  @HttpCode(204)
  @RequirePermissions('devices:update')
  @ApiOperation({ summary: 'Remove the rule; alerts it raised are kept' })
  @ApiNoContentResponse()
  async remove(
    @Param('id', ParseUUIDPipe) sensorId: string,
    @Param('thresholdId', ParseUUIDPipe) thresholdId: string,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<void> {
    await this.nats.request(IotTelemetrySubjects.ThresholdDelete, { sensorId, thresholdId }, { caller });
  }
}
