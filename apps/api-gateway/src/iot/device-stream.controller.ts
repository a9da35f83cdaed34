import { Controller, Get, Logger, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DeviceBridge, DeviceGet } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient, NatsConnectionService } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';
import { relaySse, SseReply } from '../streaming/sse';

/**
 * A device's readings as they are stored, as Server-Sent Events (`event: readings`, data LiveReadings), from core NATS
 * (DeviceBridge.live: no persistence, a client sees what arrives while connected). Another grower gets a 404, not an
 * empty stream: the ownership check runs before the first byte.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices/:deviceId')
export class DeviceStreamController {
  private readonly logger = new Logger('DeviceStream');

  constructor(
    private readonly nats: NatsClient,
    private readonly connection: NatsConnectionService,
  ) {}

  @Get('stream')
  @RequirePermissions('devices:read')
  @ApiOperation({ summary: 'Live readings as Server-Sent Events (event: readings); a comment heartbeat every 15 s' })
  @ApiProduces('text/event-stream')
  async stream(
    @Param('deviceId', ParseUUIDPipe) deviceId: string,
    @CurrentCaller() caller: CallerIdentity,
    @Res() reply: SseReply,
  ): Promise<void> {
    // Throws the service's 404 (through the exception filter) while nothing has been sent yet.
    await this.nats.call(DeviceGet, { deviceId }, { caller });
    const nc = await this.connection.get();
    const sub = nc.subscribe(DeviceBridge.live(deviceId));
    await nc.flush();
    relaySse(reply, sub, 'readings', () => this.logger.warn(`unreadable live message for device ${deviceId} dropped`));
  }
}
