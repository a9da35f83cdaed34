import { ApiProperty } from '@nestjs/swagger';

/**
 * One declaration per request/reply operation: the subject, the class the request is validated
 * against, the response, the permissions the caller needs and the HTTP route it is exposed on.
 * NatsClient.call and @Handles are typed from it, the gateway forwards and documents the route from
 * it, and the service checks the same permissions. Tagged for both contracts and platform (it
 * imports nothing of ours), so each can read it.
 */
export type Class<T = unknown> = new (...args: any[]) => T;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How an HTTP request becomes the operation's request message (the gateway does this in one place). */
export interface HttpRoute {
  method: HttpMethod;
  /** From the API root, Nest syntax: `categories/:categoryId`. Each `:param` is the request field of that name. */
  path: string;
  summary?: string;
  description?: string;
  /** Open to anonymous callers; a credential that is sent is still checked, so the service knows who it is. */
  public?: boolean;
  /** The query string's fields, copied to the top level of the request; this class documents them. */
  query?: Class;
  /** The JSON body, sent as `request.body` and validated by the service; this class documents it. */
  body?: Class;
  /** Request headers copied to request fields: `{ sessionId: { name: 'x-cart-session' } }`. */
  headers?: Record<string, { name: string; required?: boolean; description?: string }>;
  /** Sends `{ ipAddress, userAgent }` as `request.client`, for the service's audit and security logs. */
  client?: boolean;
  /** The success status; POST answers 201 otherwise, every other method 200. */
  status?: number;
  /** How long the gateway waits for the service (the platform default otherwise). */
  timeoutMs?: number;
}

type ResponseSpec = Class | readonly [Class];
type ResponseOf<R> = R extends readonly [Class<infer T>] ? T[] : R extends Class<infer T> ? T : unknown;

export interface Operation<Req = unknown, Res = unknown> {
  readonly subject: string;
  readonly request: Class<Req>;
  /** Documents the answer in OpenAPI; `[View]` for a list. */
  readonly response?: ResponseSpec;
  /** Every one of them is needed; checked by the gateway and again by the service. */
  readonly permissions: readonly string[];
  readonly http?: HttpRoute;
  /** Type-level only: carries the response type to NatsClient.call and @Handles. */
  readonly __response?: Res;
}

export interface OperationInit<Req, R extends ResponseSpec | undefined, P extends string> {
  subject: string;
  request: Class<Req>;
  response?: R;
  permissions?: readonly P[];
  http?: HttpRoute;
}

/**
 * The declaring function of one contracts lib, typed by its permission names:
 * `const operation = operationsWith<PermissionName>()`. The response type comes from `response`;
 * when the class alone cannot say it (a union), give it as the second type argument of `as`.
 */
export function operationsWith<P extends string>() {
  return function operation<Req, R extends ResponseSpec | undefined = undefined, Res = ResponseOf<R>>(
    init: OperationInit<Req, R, P>,
  ): Operation<Req, Res> {
    return Object.freeze({ ...init, permissions: Object.freeze([...(init.permissions ?? [])]) }) as Operation<Req, Res>;
  };
}

/** The answer of a delete. */
export class DeletedView {
  @ApiProperty({ enum: [true] }) deleted: true;
}

/** An operation whose request carries nothing but the caller. */
export class EmptyRequest {}
