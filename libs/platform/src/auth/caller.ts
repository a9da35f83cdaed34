import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';

/** Header set by the gateway on every NATS request: who is calling, as base64url JSON. */
export const CALLER_HEADER = 'x-caller';

/**
 * Who is behind a request, as established by the gateway. Services trust it because only the
 * gateway (and services acting on its behalf) publish on the request subjects.
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

export function encodeCaller(caller: CallerIdentity): string {
  return Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
}

/** A missing or unreadable header is an anonymous caller, never an error that reveals anything. */
export function decodeCaller(header: string | undefined | null): CallerIdentity {
  if (!header) return ANONYMOUS;
  try {
    const raw = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Partial<CallerIdentity>;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return {
      userId: typeof raw.userId === 'string' ? raw.userId : undefined,
      roles: strings(raw.roles),
      permissions: strings(raw.permissions),
      teamIds: strings(raw.teamIds),
      impersonatorId: typeof raw.impersonatorId === 'string' ? raw.impersonatorId : undefined,
      apiKeyId: typeof raw.apiKeyId === 'string' ? raw.apiKeyId : undefined,
      sessionId: typeof raw.sessionId === 'string' ? raw.sessionId : undefined,
    };
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
