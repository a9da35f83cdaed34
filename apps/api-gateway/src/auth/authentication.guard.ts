import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { API_KEY_HEADER } from '@suite/contracts/identity';
import { AppError, CallerIdentity, forbidden, IS_PUBLIC, unauthorized } from '@suite/platform';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { REQUIRED_PERMISSIONS } from './auth.decorators';

interface AuthedRequest {
  user?: CallerIdentity;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard: every route needs a valid signed-in caller unless marked @Public(); then the
 * caller needs every permission named by @RequirePermissions(). 401 without or with a bad
 * credential, 403 with a valid one that lacks the permission. A request with an X-API-Key header is
 * authenticated by that key alone (a bearer token beside it is ignored); the same checks follow.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector, private readonly apiKeys: ApiKeyAuthenticator) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // NATS handlers: callers are services, not users
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const apiKey = request.headers[API_KEY_HEADER];
    if (apiKey !== undefined) request.user = await this.apiKeys.authenticate(apiKey);
    else await super.canActivate(context);
    const needed = this.reflector.getAllAndOverride<string[]>(REQUIRED_PERMISSIONS, targets) ?? [];
    const granted = request.user?.permissions ?? [];
    const missing = needed.filter((p) => !granted.includes(p));
    if (missing.length > 0) throw forbidden('AUTH.PERMISSION_DENIED', `Missing permission: ${missing.join(', ')}.`, { missing });
    return true;
  }

  /** passport's own errors (no token, bad signature, expired) become our 401; ours pass through. */
  override handleRequest<T>(error: unknown, user: T | false, info: unknown): T {
    if (error instanceof AppError) throw error;
    if (error || !user) {
      const reason = info instanceof Error && info.name === 'TokenExpiredError' ? 'The access token has expired.' : 'A valid access token is required.';
      throw unauthorized('AUTH.UNAUTHENTICATED', reason);
    }
    return user;
  }
}
