import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { ClientInfo, IdentitySubjects, LoginDto, MeView, RefreshDto, RegisterDto, TokenPair, UserView } from '@suite/contracts/identity';
import { Caller, CallerIdentity, unauthorized } from '@suite/platform';
import { IdentityDb } from '@suite/db/identity';
import { InjectDb } from '@suite/platform';
import { requireSignedIn } from '../roles/access-checks';
import { SessionService } from '../sessions/session.service';
import { LoginService } from './login.service';
import { RegistrationService } from './registration.service';
import { toUserView, USER_VIEW_SELECT } from './user-view';

/** Request bodies as they cross NATS: the gateway adds where the call came from. */
class WithClient {
  @IsOptional() @ValidateNested() @Type(() => ClientInfo) client?: ClientInfo;
}
class LoginRequest extends WithClient {
  @ValidateNested() @Type(() => LoginDto) credentials: LoginDto;
}
class RefreshRequest extends WithClient {
  @ValidateNested() @Type(() => RefreshDto) body: RefreshDto;
}
class ResolveRequest {
  @IsUUID() userId: string;
  @IsUUID() sessionId: string;
}
class SessionRef {
  @IsString() @IsUUID() sessionId: string;
}

@Controller()
export class AuthNatsController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    @InjectDb() private readonly db: IdentityDb,
  ) {}

  @MessagePattern(IdentitySubjects.Register)
  register(@Payload() dto: RegisterDto): Promise<UserView> {
    return this.registration.register(dto);
  }

  @MessagePattern(IdentitySubjects.Login)
  signIn(@Payload() request: LoginRequest): Promise<TokenPair> {
    return this.login.login(request.credentials, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.Refresh)
  refresh(@Payload() request: RefreshRequest): Promise<TokenPair> {
    return this.sessions.refresh(request.body.refreshToken, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.Logout)
  async logout(@Caller() caller: CallerIdentity): Promise<{ loggedOut: true }> {
    if (!caller.sessionId) throw unauthorized('IDENTITY.NOT_SIGNED_IN', 'Sign in first.');
    await this.sessions.revokeOwn(caller, caller.sessionId, 'logout');
    return { loggedOut: true };
  }

  @MessagePattern(IdentitySubjects.ResolveSession)
  resolve(@Payload() request: ResolveRequest): Promise<CallerIdentity> {
    return this.sessions.resolve(request.userId, request.sessionId);
  }

  @MessagePattern(IdentitySubjects.Me)
  async me(@Caller() caller: CallerIdentity): Promise<MeView> {
    const user = await this.db.user.findUniqueOrThrow({ where: { id: requireSignedIn(caller) }, select: USER_VIEW_SELECT });
    return {
      user: toUserView(user),
      roles: caller.roles,
      permissions: caller.permissions,
      teamIds: caller.teamIds,
      ...(caller.impersonatorId ? { impersonatorId: caller.impersonatorId } : {}),
    };
  }

  @MessagePattern(IdentitySubjects.SessionsList)
  listSessions(@Caller() caller: CallerIdentity) {
    return this.sessions.list(caller);
  }

  @MessagePattern(IdentitySubjects.SessionRevoke)
  async revokeSession(@Payload() ref: SessionRef, @Caller() caller: CallerIdentity): Promise<{ revoked: true }> {
    await this.sessions.revokeOwn(caller, ref.sessionId);
    return { revoked: true };
  }
}
