import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header that carries one id from the gateway through every service a call reaches. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller-supplied id is kept only when it is safe to log and to echo back; otherwise a new one is made. */
export function acceptRequestId(candidate: unknown): string {
  return typeof candidate === 'string' && SAFE_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * The request id of the HTTP request or NATS message being handled. Set around the rest of an HTTP
 * request by a Fastify onRequest hook (createFastifyAdapter) and around each NATS message by
 * SuiteNatsServer; every log line written inside reads it (the logger's mixin), so no per-request
 * child logger is needed.
 */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** The request id of the HTTP request or NATS message being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
