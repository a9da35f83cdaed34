import { HttpException } from '@nestjs/common';
import { AppError, ErrorKind, ErrorPayload, isErrorPayload, toErrorPayload } from './app-error';

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  503: 'unavailable',
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'PLATFORM.BAD_REQUEST',
  401: 'PLATFORM.UNAUTHORIZED',
  403: 'PLATFORM.FORBIDDEN',
  404: 'PLATFORM.ROUTE_NOT_FOUND',
  405: 'PLATFORM.METHOD_NOT_ALLOWED',
  406: 'PLATFORM.NOT_ACCEPTABLE',
  409: 'PLATFORM.CONFLICT',
  413: 'PLATFORM.PAYLOAD_TOO_LARGE',
  414: 'PLATFORM.URI_TOO_LONG',
  415: 'PLATFORM.UNSUPPORTED_MEDIA_TYPE',
  422: 'PLATFORM.UNPROCESSABLE',
  429: 'PLATFORM.TOO_MANY_REQUESTS',
  503: 'PLATFORM.SERVICE_UNAVAILABLE',
};

function fromStatus(status: number, message: string): ErrorPayload {
  const kind: ErrorKind = KIND_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'invalid');
  const payload: ErrorPayload = { code: CODE_BY_STATUS[status] ?? `PLATFORM.HTTP_${status}`, kind, message };
  if (!KIND_BY_STATUS[status]) payload.status = status;
  return payload;
}

/**
 * Any error reaching the HTTP edge, as an error payload: our AppErrors as they are; Nest's
 * HttpExceptions (unknown route, guards) and Fastify's own errors (body too large, malformed JSON,
 * wrong content type) by their status; anything else a generic 500 that reveals nothing.
 */
export function httpErrorToPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError || isErrorPayload(error)) return toErrorPayload(error);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    if (isErrorPayload(body)) return body;
    if (status === 400 && /not valid JSON|JSON/i.test(error.message)) {
      return { code: 'PLATFORM.MALFORMED_BODY', kind: 'invalid', message: 'The request body is not valid JSON.' };
    }
    const message = status === 404 ? 'No route matches this method and path.' : typeof body === 'string' ? body : error.message;
    return fromStatus(status, message);
  }
  const fastify = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    if (fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fastify.statusCode === 400 && /JSON/i.test(String(fastify.message)))) {
      return { code: 'PLATFORM.MALFORMED_BODY', kind: 'invalid', message: 'The request body is not valid JSON.' };
    }
    if (fastify.code === 'FST_ERR_MAX_PARAM_LENGTH') return fromStatus(414, 'A path parameter is longer than this API accepts.');
    if (fastify.code === 'FST_ERR_BAD_URL') return fromStatus(400, 'The URL is not validly percent-encoded.');
    return fromStatus(fastify.statusCode, String(fastify.message ?? 'Bad request'));
  }
  return toErrorPayload(error);
}
