import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { signCallerPayload, signedExpiry, verifiedCallerPayload } from './caller-signing';

/** Header set by the gateway on every NATS request: who is calling, as signed, short-lived base64url JSON. */
export const CALLER_HEADER = 'x-caller';

/**
 * Who is behind a request, as established by the gateway. Services trust it because it is signed with the
 * deployment's CALLER_SIGNING_KEY (see caller-signing.ts): a client that merely reaches the bus cannot claim to be
 * anyone, and a captured header expires within minutes.
 */
export interface CallerIdentity {
  /** Absent for anonymous callers (public routes). */
  userId?: string;
  roles: string[];
  /** `resource:action` strings. */
  permissions: string[];
  teamIds: string[];
  /** Set while an admin impersonates `userId`: who is really acting. */
  impersonatorId?: string;
  apiKeyId?: string;
  /** The signed-in session behind the request (absent for API keys and anonymous callers). */
  sessionId?: string;
}

export const ANONYMOUS: CallerIdentity = Object.freeze({ roles: [], permissions: [], teamIds: [] }) as CallerIdentity;

/**
 * How long one signed header is sent again for the same identity object (the gateway's cached session, or
 * ANONYMOUS): well inside the header's own validity, and it spares an HMAC and a JSON encoding per request.
 */
const REUSE_SIGNED_MS = 30_000;
const signedFor = new WeakMap<CallerIdentity, { header: string; until: number }>();

export function encodeCaller(caller: CallerIdentity): string {
  const now = Date.now();
  const reused = signedFor.get(caller);
  if (reused && reused.until > now) return reused.header;
  const header = signCallerPayload(Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url'), now);
  signedFor.set(caller, { header, until: now + REUSE_SIGNED_MS });
  return header;
}

/** Headers already verified, until they expire: a service sees the same header for every request of a session. */
const verified = new Map<string, { caller: CallerIdentity; expiresAt: number }>();
const VERIFIED_MAX = 5000;

/** A missing, unsigned, altered, expired or unreadable header is an anonymous caller, never an error that reveals anything. */
export function decodeCaller(header: string | undefined | null): CallerIdentity {
  if (!header) return ANONYMOUS;
  const now = Date.now();
  const known = verified.get(header);
  if (known && known.expiresAt >= now) return known.caller;
  const payload = verifiedCallerPayload(header, now);
  if (!payload) return ANONYMOUS;
  const caller = parseCaller(payload);
  if (caller === ANONYMOUS) return caller;
  if (verified.size >= VERIFIED_MAX) verified.clear();
  verified.set(header, { caller, expiresAt: signedExpiry(header) });
  return caller;
}

/** The identity in a verified payload, frozen: one object now answers for many requests. */
function parseCaller(payload: string): CallerIdentity {
  try {
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<CallerIdentity>;
    const strings = (v: unknown) => Object.freeze(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []) as string[];
    return Object.freeze({
      userId: typeof raw.userId === 'string' ? raw.userId : undefined,
      roles: strings(raw.roles),
      permissions: strings(raw.permissions),
      teamIds: strings(raw.teamIds),
      impersonatorId: typeof raw.impersonatorId === 'string' ? raw.impersonatorId : undefined,
      apiKeyId: typeof raw.apiKeyId === 'string' ? raw.apiKeyId : undefined,
      sessionId: typeof raw.sessionId === 'string' ? raw.sessionId : undefined,
    });
  } catch {
    return ANONYMOUS;
  }
}

export function hasPermission(caller: CallerIdentity, permission: string): boolean {
  return caller.permissions.includes(permission);
}

/** In a NATS handler: `handle(@Payload() dto: X, @Caller() caller: CallerIdentity)`. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallerIdentity => {
  const ctx = context.switchToRpc().getContext<NatsContext>();
  return decodeCaller(ctx?.getHeaders?.()?.get(CALLER_HEADER));
});
