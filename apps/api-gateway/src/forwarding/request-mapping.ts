import type { HttpRoute } from '@suite/contracts/core';
import { AppError } from '@suite/platform';

/** The parts of a Fastify request the mapping reads. */
export interface IncomingRequest {
  params: unknown;
  query: unknown;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

/**
 * The one place an HTTP request becomes an operation's request message: path parameters and query
 * fields at the top level (a path parameter wins over a query field of the same name), the JSON
 * body as `body`, declared headers under their field names, and the client's address when the
 * operation audits it. Nothing is validated here: the owning service validates the whole message
 * against the declared class, once.
 */
export function toRequestMessage(route: HttpRoute, request: IncomingRequest): Record<string, unknown> {
  const message: Record<string, unknown> = route.query ? { ...(request.query as object) } : {};
  Object.assign(message, request.params as object);
  if (route.body) message.body = request.body ?? {};
  if (route.headers)
    for (const [field, header] of Object.entries(route.headers)) {
      const value = request.headers[header.name];
      if (value !== undefined) message[field] = value;
    }
  if (route.client) {
    const userAgent = request.headers['user-agent'];
    message.client = { ipAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : undefined };
  }
  return message;
}

/**
 * The service names a bad body field `body.name`; the client sent `name`. Renames the fields of a
 * validation error back to what the client sent, so the problem document points at its own input.
 */
export function toClientFields(error: unknown): unknown {
  if (!(error instanceof AppError) || error.kind !== 'invalid' || !error.details?.errors) return error;
  const rename = (field: string) => (field.startsWith('body.') ? field.slice(5) : field === 'body' ? '(body)' : field);
  const errors = error.details.errors.map((e) => ({ ...e, field: rename(e.field) }));
  const message = error.code === 'PLATFORM.VALIDATION_FAILED' ? `Invalid input: ${errors.map((e) => e.field).join(', ')}.` : error.message;
  return new AppError(error.kind, error.code, message, { ...error.details, errors }, error.status);
}
