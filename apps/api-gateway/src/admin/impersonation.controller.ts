import { Body, Controller, Delete, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientInfo, IdentitySubjects, ImpersonationStarted, StartImpersonationDto } from '@suite/contracts/identity';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { ClientContext, CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** Acting as another user; identity checks the admin roles, the gateway audits every change made meanwhile. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/impersonate')
export class ImpersonationController {
  constructor(private readonly nats: NatsClient) {}

  @Post(':userId')
  @RequirePermissions('users:execute')
  @ApiOperation({ summary: 'ADMIN or SUPER_ADMIN: tokens for a new one-hour session of the user, with you as actor' })
  @ApiCreatedResponse({ type: ImpersonationStarted })
  start(
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: StartImpersonationDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<ImpersonationStarted> {
    return this.nats.request(IdentitySubjects.ImpersonationStart, { userId, body: body ?? {}, client }, { caller });
  }

  @Delete()
  @ApiOperation({ summary: 'With the impersonation token: end it (the session is revoked)' })
  end(@CurrentCaller() caller: CallerIdentity, @ClientContext() client: ClientInfo): Promise<{ ended: true; impersonationId: string }> {
    return this.nats.request(IdentitySubjects.ImpersonationEnd, { client }, { caller });
  }
}
