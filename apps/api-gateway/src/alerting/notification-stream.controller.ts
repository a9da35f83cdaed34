import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotificationLive } from '@suite/contracts/alerting';
import { CallerIdentity, NatsConnectionService, unauthorized } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';
import { relaySse, SseReply } from '../streaming/sse';

/**
 * The caller's in-app notifications as they are delivered, as Server-Sent Events (`event: notification`, data
 * NotificationView). The subject is the caller's own user id, from their verified identity: nobody can listen to
 * another user.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationStreamController {
  private readonly logger = new Logger('NotificationStream');

  constructor(private readonly connection: NatsConnectionService) {}

  @Get('stream')
  @RequirePermissions('notifications:read')
  @ApiOperation({ summary: 'My in-app notifications live, as Server-Sent Events (event: notification); a comment heartbeat every 15 s' })
  @ApiProduces('text/event-stream')
  async stream(@CurrentCaller() caller: CallerIdentity, @Res() reply: SseReply): Promise<void> {
    if (!caller.userId) throw unauthorized('ALERTING.NOT_SIGNED_IN', 'Sign in first.');
    const nc = await this.connection.get();
    const sub = nc.subscribe(NotificationLive.user(caller.userId));
    await nc.flush();
    relaySse(reply, sub, 'notification', () => this.logger.warn('unreadable live notification dropped'));
  }
}
