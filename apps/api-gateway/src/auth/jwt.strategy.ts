import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenClaims, ResolveSession } from '@suite/contracts/identity';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AppError, CallerIdentity, NatsClient, unauthorized } from '@suite/platform';
import { GatewayConfig } from '../service';
import { SessionCache } from './session-cache';
import { bearerToken, VerifiedTokens } from './verified-tokens';

/**
 * A bearer token is checked here first (signature, expiry, issuer, audience: a tampered or expired
 * token never costs a NATS call), then identity confirms the session is still active and says what
 * its user may do now, so a logout or a role change takes effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: GatewayConfig,
    private readonly nats: NatsClient,
    private readonly sessions: SessionCache,
    private readonly verified: VerifiedTokens,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /** Called by passport once it has verified the token; the guard calls resolve directly for a token verified before. */
  async validate(request: { headers: Record<string, string | string[] | undefined> }, claims: AccessTokenClaims): Promise<CallerIdentity> {
    const token = bearerToken(request.headers.authorization);
    if (token) this.verified.remember(token, claims);
    return this.resolve(claims);
  }

  async resolve(claims: AccessTokenClaims): Promise<CallerIdentity> {
    try {
      return await this.sessions.resolve(claims.sid, () => this.nats.call(ResolveSession, { userId: claims.sub, sessionId: claims.sid }));
    } catch (error) {
      if (error instanceof AppError && error.kind !== 'unauthorized' && error.kind !== 'invalid') throw error; // identity down: 503, not 401
      throw unauthorized('AUTH.SESSION_ENDED', 'The session has ended; sign in again.');
    }
  }
}
