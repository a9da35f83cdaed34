import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';

/** Header that carries one id from the gateway through every service a call reaches. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller-supplied id is kept only when it is safe to log and to echo back; otherwise a new one is made. */
export function acceptRequestId(candidate: unknown): string {
  return typeof candidate === 'string' && SAFE_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * The request id of the HTTP request being handled. Set by a Fastify onRequest hook around the
 * rest of the request (see createFastifyAdapter): nestjs-pino's middleware context does not reach
 * Fastify route handlers.
 */
export const httpRequestContext = new AsyncLocalStorage<{ requestId: string }>();

/** The request id of the HTTP request or NATS message being handled, if any. */
export function currentRequestId(): string | undefined {
  const http = httpRequestContext.getStore()?.requestId;
  if (http) return http;
  try {
    const id = contextReader.logger?.bindings().reqId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined; // outside Nest (scripts, tests) there is no logging context
  }
}

/**
 * nestjs-pino keeps the per-request child logger (bound with `reqId`) in an AsyncLocalStorage it
 * does not export; PinoLogger's `logger` getter reads it without touching instance state, so a
 * bare instance is enough to ask it.
 */
const contextReader = Object.create(PinoLogger.prototype) as PinoLogger;
