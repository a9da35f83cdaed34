import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IotTelemetrySubjects, SensorAlertListQuery, SensorAlertView } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient, Page } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('sensor-alerts')
export class SensorAlertsController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  @RequirePermissions('alerts:read')
  @ApiOperation({ summary: "Threshold alerts of the caller's devices (all for admins), newest first; cursor pagination" })
  list(@Query() query: SensorAlertListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<SensorAlertView>> {
    return this.nats.request<Page<SensorAlertView>>(IotTelemetrySubjects.SensorAlertList, query, { caller });
  }
}
