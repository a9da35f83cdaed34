import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSensorDto, IotTelemetrySubjects, SensorView, UpdateSensorDto } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** A device's sensors: changing them changes the device's configuration, hence devices:update. */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices/:id/sensors')
export class SensorsController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  @RequirePermissions('devices:read')
  @ApiOkResponse({ type: [SensorView] })
  list(@Param('id', ParseUUIDPipe) deviceId: string, @CurrentCaller() caller: CallerIdentity): Promise<SensorView[]> {
    return this.nats.request(IotTelemetrySubjects.SensorList, { deviceId }, { caller });
  }

  @Post()
  @RequirePermissions('devices:update')
  @ApiOperation({ summary: 'Add a sensor (name unique on the device, minValue <= maxValue)' })
  @ApiCreatedResponse({ type: SensorView })
  create(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Body() body: CreateSensorDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<SensorView> {
    return this.nats.request(IotTelemetrySubjects.SensorCreate, { deviceId, body }, { caller });
  }

  @Patch(':sensorId')
  @RequirePermissions('devices:update')
  @ApiOkResponse({ type: SensorView })
  update(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Param('sensorId', ParseUUIDPipe) sensorId: string,
    @Body() body: UpdateSensorDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<SensorView> {
    return this.nats.request(IotTelemetrySubjects.SensorUpdate, { deviceId, sensorId, body }, { caller });
  }

  @Delete(':sensorId')
  @HttpCode(204)
  @RequirePermissions('devices:update')
  @ApiOperation({ summary: 'Remove the sensor with its readings and thresholds' })
  @ApiNoContentResponse()
  async remove(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Param('sensorId', ParseUUIDPipe) sensorId: string,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<void> {
    await this.nats.request(IotTelemetrySubjects.SensorDelete, { deviceId, sensorId }, { caller });
  }
}
