import type { ServerResponse } from 'node:http';
import { Controller, Get, Logger, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DeviceBridge, IotTelemetrySubjects, LiveReadings } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, NatsClient, NatsConnectionService } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';
import { SSE_HEADERS, sseComment, sseEvent, writeOrDrop } from './sse';

/** Proxies and idle timeouts drop a silent connection; a comment every 15 s keeps it open. */
export const HEARTBEAT_MS = 15_000;

/** The part of Fastify's reply used here. */
interface Reply {
  raw: ServerResponse;
  hijack(): void;
  getHeaders(): Record<string, string | number | string[] | undefined>;
}

/**
 * A device's readings as they are stored, as Server-Sent Events (`event: readings`, data LiveReadings), from core NATS
 * (DeviceBridge.live: no persistence, a client sees what arrives while connected). Written to the raw reply rather than
 * with @Sse(): behind the global interceptor, @Sse() sends its 200 headers before an async ownership check can fail, and
 * another grower must get a 404, not an empty stream.
 */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices/:id')
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
  async stream(@Param('id', ParseUUIDPipe) deviceId: string, @CurrentCaller() caller: CallerIdentity, @Res() reply: Reply): Promise<void> {
    // Throws the service's 404 (through the exception filter) while nothing has been sent yet.
    await this.nats.request(IotTelemetrySubjects.DeviceGet, { deviceId }, { caller });
    const nc = await this.connection.get();
    const sub = nc.subscribe(DeviceBridge.live(deviceId));
    // The server has the subscription once flushed: from the first byte the client receives, nothing is missed.
    await nc.flush();
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { ...reply.getHeaders(), ...SSE_HEADERS });
    raw.write(sseComment('subscribed'));
    const heartbeat = setInterval(() => writeOrDrop(raw, sseComment('heartbeat')), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      sub.unsubscribe();
    };
    raw.once('close', close);
    void (async () => {
      for await (const message of sub) {
        try {
          writeOrDrop(raw, sseEvent('readings', message.json<LiveReadings>()));
        } catch {
          this.logger.warn(`unreadable live message for device ${deviceId} dropped`);
        }
      }
      // The subscription ended on our side (connection drained at shutdown): end the response too.
      close();
      if (!raw.writableEnded) raw.end();
    })();
  }
}
