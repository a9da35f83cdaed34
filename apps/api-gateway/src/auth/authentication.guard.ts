import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { API_KEY_HEADER } from '@suite/contracts/identity';
import { AppError, CallerIdentity, forbidden, IS_PUBLIC, unauthorized } from '@suite/platform';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { REQUIRED_PERMISSIONS } from './auth.decorators';
import { JwtStrategy } from './jwt.strategy';
import { bearerToken, VerifiedTokens } from './verified-tokens';

interface AuthedRequest {
  user?: CallerIdentity;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard: every route needs a valid signed-in caller unless marked @Public() (where a caller
 * that sends a credential is still authenticated, so the route can tell who it is); then the
 * caller needs every permission named by @RequirePermissions(). 401 without or with a bad
 * credential, 403 with a valid one that lacks the permission. A request with an X-API-Key header is
 * authenticated by that key alone (a bearer token beside it is ignored); the same checks follow.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly jwt: JwtStrategy,
    private readonly verified: VerifiedTokens,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // NATS handlers: callers are services, not users
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const apiKey = request.headers[API_KEY_HEADER];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // Public routes serve anonymous callers, and recognise a signed-in one (a seller browsing the
      // shop sees their own drafts); a credential that is sent must still be valid.
      if (apiKey === undefined && request.headers.authorization === undefined) return true;
      await this.authenticate(context, request, apiKey);
      return true;
    }
    await this.authenticate(context, request, apiKey);
    const needed = this.reflector.getAllAndOverride<string[]>(REQUIRED_PERMISSIONS, targets) ?? [];
    const granted = request.user?.permissions ?? [];
    const missing = needed.filter((p) => !granted.includes(p));
    if (missing.length > 0) throw forbidden('AUTH.PERMISSION_DENIED', `Missing permission: ${missing.join(', ')}.`, { missing });
    return true;
  }

  private async authenticate(context: ExecutionContext, request: AuthedRequest, apiKey: string | string[] | undefined): Promise<void> {
    if (apiKey !== undefined) {
      request.user = await this.apiKeys.authenticate(apiKey);
      return;
    }
    const token = bearerToken(request.headers.authorization);
    const claims = token && this.verified.claimsOf(token);
    if (claims) request.user = await this.jwt.resolve(claims);
    else await super.canActivate(context); // passport-jwt verifies the token, then JwtStrategy.validate
  }

  /** passport's own errors (no token, bad signature, expired) become our 401; ours pass through. */
  override handleRequest<T>(error: unknown, user: T | false, info: unknown): T {
    if (error instanceof AppError) throw error;
    if (error || !user) {
      const reason =
        info instanceof Error && info.name === 'TokenExpiredError' ? 'The access token has expired.' : 'A valid access token is required.';
      throw unauthorized('AUTH.UNAUTHENTICATED', reason);
    }
    return user;
  }
}
