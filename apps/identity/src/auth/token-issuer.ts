import { Injectable } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { AccessTokenClaims, TokenPair } from '@suite/contracts/identity';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@suite/platform';
import { IdentityConfig } from '../config';
import { newOpaqueToken, sha256Hex } from '../security';

/**
 * Access tokens are short-lived HS256 JWTs the gateway verifies itself; refresh tokens are opaque
 * `<sessionId>.<secret>` strings of which only the sha256 is stored, rotated on every use.
 */
@Injectable()
export class TokenIssuer {
  constructor(private readonly config: IdentityConfig) {}

  newRefreshToken(sessionId: string): { token: string; hash: string } {
    const token = `${sessionId}.${newOpaqueToken(32)}`;
    return { token, hash: sha256Hex(token) };
  }

  /** `<sessionId>.<secret>` -> its parts, or undefined for anything else. */
  parseRefreshToken(token: string): { sessionId: string; hash: string } | undefined {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,})$/.exec(token);
    return match ? { sessionId: match[1], hash: sha256Hex(token) } : undefined;
  }

  pair(claims: AccessTokenClaims, refreshToken: string): TokenPair {
    const accessToken = sign(claims, this.config.JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    return { accessToken, refreshToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }

  refreshExpiry(now = new Date()): Date {
    return new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000);
  }
}
