import type { Operation } from '@suite/contracts/core';
import { Login, PasswordForgot, PasswordReset, Register } from '@suite/contracts/identity';

export type RouteClass = 'strict' | 'default' | 'exempt';

/** Sign-in, registration and password reset: what a password-guessing or account-enumeration run hammers. */
const STRICT_OPERATIONS: readonly Operation[] = [Login, Register, PasswordForgot, PasswordReset];
const STRICT = new Set(STRICT_OPERATIONS.map((op) => `${op.http!.method} /api/v1/${op.http!.path}`));

/**
 * Probes, metrics and docs are outside /api and never limited (an orchestrator polling /health must not
 * be refused); nor are signed file downloads, whose link is the credential and which a page may fetch
 * many of at once.
 */
const EXEMPT = new Set(['GET /api/v1/files']);

const cache = new Map<string, RouteClass>();

/** The class of a route template (`/api/v1/orders/:orderId`), not of a raw URL; unmatched requests are `default`. */
export function routeClassOf(method: string, route: string | undefined): RouteClass {
  if (route === undefined) return 'default';
  const key = `${method} ${route}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = !route.startsWith('/api/') || EXEMPT.has(key) ? 'exempt' : STRICT.has(key) ? 'strict' : 'default';
    cache.set(key, found);
  }
  return found;
}

/** Who a request counts against: its API key, else its signed-in user, else its client address. */
export function trackerOf(request: { ip: string; user?: { userId?: string; apiKeyId?: string } }): string {
  const user = request.user;
  if (user?.apiKeyId) return `key:${user.apiKeyId}`;
  if (user?.userId) return `user:${user.userId}`;
  return `ip:${request.ip}`;
}
