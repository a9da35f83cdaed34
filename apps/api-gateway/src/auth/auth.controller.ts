import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientInfo, IdentitySubjects, LoginDto, MeView, RefreshDto, RegisterDto, TokenPair, UserView } from '@suite/contracts/identity';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { ClientContext, CurrentCaller, Public } from './auth.decorators';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly nats: NatsClient) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Create an account (argon2id; the password policy is explained on failure)' })
  @ApiCreatedResponse({ type: UserView })
  register(@Body() dto: RegisterDto): Promise<UserView> {
    return this.nats.request(IdentitySubjects.Register, dto);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a short-lived access token and a rotating refresh token' })
  @ApiOkResponse({ type: TokenPair })
  login(@Body() credentials: LoginDto, @ClientContext() client: ClientInfo): Promise<TokenPair> {
    return this.nats.request(IdentitySubjects.Login, { credentials, client });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; reusing a spent one revokes the session' })
  @ApiOkResponse({ type: TokenPair })
  refresh(@Body() body: RefreshDto, @ClientContext() client: ClientInfo): Promise<TokenPair> {
    return this.nats.request(IdentitySubjects.Refresh, { body, client });
  }

  @Post('logout')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the current session' })
  logout(@CurrentCaller() caller: CallerIdentity): Promise<{ loggedOut: true }> {
    return this.nats.request(IdentitySubjects.Logout, {}, { caller });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user with roles, permissions and teams' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentCaller() caller: CallerIdentity): Promise<MeView> {
    return this.nats.request(IdentitySubjects.Me, {}, { caller });
  }

  @Get('sessions')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's active sessions (device, IP, user agent, last activity)" })
  sessions(@CurrentCaller() caller: CallerIdentity): Promise<unknown[]> {
    return this.nats.request(IdentitySubjects.SessionsList, {}, { caller });
  }

  @Delete('sessions/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke one of your sessions' })
  revokeSession(@Param('id', ParseUUIDPipe) sessionId: string, @CurrentCaller() caller: CallerIdentity): Promise<{ revoked: true }> {
    return this.nats.request(IdentitySubjects.SessionRevoke, { sessionId }, { caller });
  }
}
