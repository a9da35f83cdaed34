import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenClaims, IdentitySubjects } from '@suite/contracts/identity';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AppError, CallerIdentity, NatsClient, unauthorized } from '@suite/platform';
import { GatewayConfig } from '../service';

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
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<CallerIdentity> {
    try {
      return await this.nats.request<CallerIdentity>(IdentitySubjects.ResolveSession, { userId: claims.sub, sessionId: claims.sid });
    } catch (error) {
      if (error instanceof AppError && error.kind !== 'unauthorized' && error.kind !== 'invalid') throw error; // identity down: 503, not 401
      throw unauthorized('AUTH.SESSION_ENDED', 'The session has ended; sign in again.');
    }
  }
}
