import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, IsUUID, ValidateNested } from 'class-validator';
import { EmptyRequest } from '@suite/contracts/core';
import { LoginDto, MeView, RefreshDto, RegisterDto, TokenPair, UserView } from './auth.dto';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';

export class RegisterRequest {
  @ValidateNested() @Type(() => RegisterDto) body: RegisterDto;
}
export class LoginRequest extends ClientAware {
  @ValidateNested() @Type(() => LoginDto) body: LoginDto;
}
export class RefreshRequest extends ClientAware {
  @ValidateNested() @Type(() => RefreshDto) body: RefreshDto;
}
export class ResolveSessionRequest {
  @IsUUID() userId: string;
  @IsUUID() sessionId: string;
}
export class SessionRef {
  @IsString() @IsUUID() sessionId: string;
}

/** Who a session or an API key acts as: the platform's CallerIdentity, restated (contracts cannot import the platform). */
export class ResolvedCaller {
  userId?: string;
  roles: string[];
  permissions: string[];
  teamIds: string[];
  impersonatorId?: string;
  apiKeyId?: string;
  sessionId?: string;
}

export class SessionView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The session of this request' }) current: boolean;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) deviceInfo: unknown;
  @ApiPropertyOptional({ nullable: true, type: String }) ipAddress: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty() lastActivity: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
}

export class LoggedOutView {
  @ApiProperty({ enum: [true] }) loggedOut: true;
}

export class RevokedView {
  @ApiProperty({ enum: [true] }) revoked: true;
}

export const Register = operation({
  subject: IdentitySubjects.Register,
  request: RegisterRequest,
  response: UserView,
  http: {
    method: 'POST',
    path: 'auth/register',
    public: true,
    body: RegisterDto,
    summary: 'Create an account (argon2id; the password policy is explained on failure)',
  },
});

export const Login = operation({
  subject: IdentitySubjects.Login,
  request: LoginRequest,
  response: TokenPair,
  http: {
    method: 'POST',
    path: 'auth/login',
    public: true,
    body: LoginDto,
    client: true,
    status: 200,
    summary: 'Sign in: a short-lived access token and a rotating refresh token',
  },
});

export const Refresh = operation({
  subject: IdentitySubjects.Refresh,
  request: RefreshRequest,
  response: TokenPair,
  http: {
    method: 'POST',
    path: 'auth/refresh',
    public: true,
    body: RefreshDto,
    client: true,
    status: 200,
    summary: 'Exchange a refresh token for a new pair; reusing a spent one revokes the session',
  },
});

export const Logout = operation({
  subject: IdentitySubjects.Logout,
  request: EmptyRequest,
  response: LoggedOutView,
  http: { method: 'POST', path: 'auth/logout', status: 200, summary: 'End the current session' },
});

export const Me = operation({
  subject: IdentitySubjects.Me,
  request: EmptyRequest,
  response: MeView,
  http: { method: 'GET', path: 'auth/me', summary: 'The signed-in user with roles, permissions and teams' },
});

export const SessionsList = operation({
  subject: IdentitySubjects.SessionsList,
  request: EmptyRequest,
  response: [SessionView],
  http: { method: 'GET', path: 'auth/sessions', summary: "The caller's active sessions (device, IP, user agent, last activity)" },
});

export const SessionRevoke = operation({
  subject: IdentitySubjects.SessionRevoke,
  request: SessionRef,
  response: RevokedView,
  http: { method: 'DELETE', path: 'auth/sessions/:sessionId', summary: 'Revoke one of your sessions' },
});

/** Internal, gateway -> identity: is this signed-in session still valid, and what may its user do now? */
export const ResolveSession = operation({
  subject: IdentitySubjects.ResolveSession,
  request: ResolveSessionRequest,
  response: ResolvedCaller,
});

export const AuthOperations = [Register, Login, Refresh, Logout, Me, SessionsList, SessionRevoke];
