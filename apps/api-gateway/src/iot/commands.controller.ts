import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandListQuery, CommandView, IotTelemetrySubjects, SendCommandDto } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient, Page } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** The service waits up to 5 s for a NATS device before answering 'sent': leave room above that. */
const SEND_TIMEOUT_MS = 10_000;

/** Commands to a device (RESTART, UPDATE_CONFIG, ...); another grower's device is 404. */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices/:id/commands')
export class CommandsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('devices:execute')
  @ApiOperation({
    summary:
      'Send a command over NATS (or MQTT when the device is not on NATS); answers its state: acknowledged, failed, or sent (settles later)',
  })
  @ApiCreatedResponse({ type: CommandView })
  send(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Body() body: SendCommandDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<CommandView> {
    return this.nats.request(IotTelemetrySubjects.CommandSend, { deviceId, body }, { caller, timeoutMs: SEND_TIMEOUT_MS });
  }

  @Get()
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: "The device's commands, newest first; filter status" })
  list(
    @Param('id', ParseUUIDPipe) deviceId: string,
    @Query() query: CommandListQuery,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<Page<CommandView>> {
    return this.nats.request(IotTelemetrySubjects.CommandList, { ...query, deviceId }, { caller });
  }
}
