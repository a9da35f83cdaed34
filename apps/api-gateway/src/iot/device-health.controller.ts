import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeviceHealthView, HealthListQuery, IotTelemetrySubjects, RecordHealthDto } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient, Page } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** Health records of a device: reported by the device on the bridge, or recorded here by an operator or an app. */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices/:id/health')
export class DeviceHealthController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('devices:update')
  @ApiOperation({ summary: 'Record a health report; status is derived from the metrics when absent' })
  @ApiCreatedResponse({ type: DeviceHealthView })
  record(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Body() body: RecordHealthDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<DeviceHealthView> {
    return this.nats.request(IotTelemetrySubjects.DeviceHealthRecord, { deviceId, body }, { caller });
  }

  @Get()
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: "The device's health records, newest first; filters status, from, to" })
  list(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Query() query: HealthListQuery,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<Page<DeviceHealthView>> {
    return this.nats.request(IotTelemetrySubjects.DeviceHealthList, { ...query, deviceId }, { caller });
  }
}
