import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateDeviceDto,
  DeviceCredentialView,
  DeviceListQuery,
  DeviceView,
  DeviceWithSensorsView,
  IotTelemetrySubjects,
  RegisteredDeviceView,
  UpdateDeviceDto,
} from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient, Page } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** A grower's devices; ownership is decided by iot-telemetry (another grower's device is 404, admins see all). */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicesController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('devices:create')
  @ApiOperation({ summary: 'Register a device and its sensors; the bridge credential is in this answer only' })
  @ApiCreatedResponse({ type: RegisteredDeviceView })
  create(@Body() body: CreateDeviceDto, @CurrentCaller() caller: CallerIdentity): Promise<RegisteredDeviceView> {
    return this.nats.request(IotTelemetrySubjects.DeviceCreate, { body }, { caller });
  }

  @Get()
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: "The caller's devices (every device for admins), newest first; cursor pagination" })
  list(@Query() query: DeviceListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<DeviceView>> {
    return this.nats.request(IotTelemetrySubjects.DeviceList, query, { caller });
  }

  @Get(':id')
  @RequirePermissions('devices:read')
  @ApiOkResponse({ type: DeviceWithSensorsView })
  get(@Param('id', ParseUUIDPipe) deviceId: string, @CurrentCaller() caller: CallerIdentity): Promise<DeviceWithSensorsView> {
    return this.nats.request(IotTelemetrySubjects.DeviceGet, { deviceId }, { caller });
  }

  @Patch(':id')
  @RequirePermissions('devices:update')
  @ApiOperation({ summary: 'Change the device; status may only be set to MAINTENANCE or back to OFFLINE' })
  @ApiOkResponse({ type: DeviceWithSensorsView })
  update(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Body() body: UpdateDeviceDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<DeviceWithSensorsView> {
    return this.nats.request(IotTelemetrySubjects.DeviceUpdate, { deviceId, body }, { caller });
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('devices:delete')
  @ApiOperation({ summary: 'Delete the device with its sensors, readings, commands, health records, thresholds and alerts' })
  @ApiNoContentResponse()
  async remove(@Param('id', ParseUUIDPipe) deviceId: string, @CurrentCaller() caller: CallerIdentity): Promise<void> {
    await this.nats.request(IotTelemetrySubjects.DeviceDelete, { deviceId }, { caller });
  }

  @Post(':id/credential')
  @RequirePermissions('devices:update')
  @ApiOperation({ summary: 'Issue a new bridge credential (shown once); the previous one stops working at once' })
  @ApiCreatedResponse({ type: DeviceCredentialView })
  rotate(@Param('id', ParseUUIDPipe) deviceId: string, @CurrentCaller() caller: CallerIdentity): Promise<DeviceCredentialView> {
    return this.nats.request(IotTelemetrySubjects.DeviceCredentialRotate, { deviceId }, { caller });
  }
}
