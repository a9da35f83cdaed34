import { Controller } from '@nestjs/common';
import { EmptyRequest } from '@suite/contracts/core';
import {
  Login,
  LoginRequest,
  Logout,
  Me,
  MeView,
  Refresh,
  RefreshRequest,
  Register,
  RegisterRequest,
  ResolveSession,
  ResolveSessionRequest,
  SessionRef,
  SessionRevoke,
  SessionsList,
} from '@suite/contracts/identity';
import { CallerIdentity, Handles, unauthorized } from '@suite/platform';
import { IdentityDb } from '@suite/db/identity';
import { InjectDb } from '@suite/platform';
import { requireSignedIn } from '../roles/access-checks';
import { SessionService } from '../sessions/session.service';
import { LoginService } from './login.service';
import { RegistrationService } from './registration.service';
import { toUserView, USER_VIEW_SELECT } from './user-view';

@Controller()
export class AuthNatsController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    @InjectDb() private readonly db: IdentityDb,
  ) {}

  @Handles(Register)
  register(request: RegisterRequest) {
    return this.registration.register(request.body);
  }

  @Handles(Login)
  signIn(request: LoginRequest) {
    return this.login.login(request.body, request.client ?? {});
  }

  @Handles(Refresh)
  refresh(request: RefreshRequest) {
    return this.sessions.refresh(request.body.refreshToken, request.client ?? {});
  }

  @Handles(Logout)
  async logout(_: EmptyRequest, caller: CallerIdentity) {
    if (!caller.sessionId) throw unauthorized('IDENTITY.NOT_SIGNED_IN', 'Sign in first.');
    await this.sessions.revokeOwn(caller, caller.sessionId, 'logout');
    return { loggedOut: true as const };
  }

  @Handles(ResolveSession)
  resolve(request: ResolveSessionRequest) {
    return this.sessions.resolve(request.userId, request.sessionId);
  }

  @Handles(Me)
  async me(_: EmptyRequest, caller: CallerIdentity): Promise<MeView> {
    const user = await this.db.user.findUniqueOrThrow({ where: { id: requireSignedIn(caller) }, select: USER_VIEW_SELECT });
    return {
      user: toUserView(user),
      roles: caller.roles,
      permissions: caller.permissions,
      teamIds: caller.teamIds,
      ...(caller.impersonatorId ? { impersonatorId: caller.impersonatorId } : {}),
    };
  }

  @Handles(SessionsList)
  listSessions(_: EmptyRequest, caller: CallerIdentity) {
    return this.sessions.list(caller);
  }

  @Handles(SessionRevoke)
  async revokeSession(ref: SessionRef, caller: CallerIdentity) {
    await this.sessions.revokeOwn(caller, ref.sessionId);
    return { revoked: true as const };
  }
}
