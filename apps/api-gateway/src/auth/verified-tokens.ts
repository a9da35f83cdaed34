import { Injectable } from '@nestjs/common';
import { AccessTokenClaims } from '@suite/contracts/identity';

/** Enough for every live access token of a large shop; the oldest entry goes first beyond it. */
const MAX_TOKENS = 50000;

/**
 * Access tokens whose signature, issuer and audience passport-jwt has checked, with their claims,
 * until they expire. HMAC verification of the same token on each of its requests was half the
 * gateway's CPU on an authenticated read; a token string seen before is the same token, so its
 * check stands. Expiry is still checked on every request, and the session behind the token is
 * still resolved (SessionCache), so a logout ends it however often the token was used.
 */
@Injectable()
export class VerifiedTokens {
  private readonly tokens = new Map<string, AccessTokenClaims & { exp: number }>();

  /** The claims of a token verified before and not yet expired. */
  claimsOf(token: string): AccessTokenClaims | undefined {
    const claims = this.tokens.get(token);
    if (!claims) return undefined;
    if (claims.exp * 1000 > Date.now()) return claims;
    this.tokens.delete(token);
    return undefined;
  }

  remember(token: string, claims: AccessTokenClaims & { exp?: number }): void {
    if (typeof claims.exp !== 'number') return; // identity always sets one; a token without is checked every time
    this.tokens.set(token, claims as AccessTokenClaims & { exp: number });
    if (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value as string);
  }
}

/** The bearer token of an Authorization header, as passport-jwt's fromAuthHeaderAsBearerToken reads it. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}
