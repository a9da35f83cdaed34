import { Injectable } from '@nestjs/common';
import type { Operation } from '@suite/contracts/core';
import { headers as natsHeaders, errors as natsErrorTypes, nuid } from '@nats-io/nats-core';
import { AppError, ErrorPayload, isErrorPayload } from '../errors/app-error';
import { CALLER_HEADER, CallerIdentity, encodeCaller } from '../auth/caller';
import { currentRequestId, REQUEST_ID_HEADER } from '../logging/request-id';
import { natsClientRequests, natsErrors } from '../metrics/metrics';
import { NatsConnectionService } from './nats-connection';

export interface RequestOptions {
  /** How long to wait for the answer; the platform default (NATS_REQUEST_TIMEOUT_MS) otherwise. */
  timeoutMs?: number;
  /** Who the request is made for; forwarded so the callee can check ownership. */
  caller?: CallerIdentity;
  /** Defaults to the id of the request being handled, so one id follows a call everywhere. */
  requestId?: string;
}

/** The reply NestJS's NATS transport sends for a @MessagePattern handler. */
interface NestReply<T> {
  response?: T;
  err?: unknown;
}

/**
 * Typed request/reply to another service's @MessagePattern handler. Speaks the NestJS packet
 * format on the raw v3 client so that a missing service fails at once (no responders) instead of
 * waiting for the timeout, and every failure arrives as an AppError.
 */
@Injectable()
export class NatsClient {
  constructor(
    private readonly connection: NatsConnectionService,
    private readonly defaultTimeoutMs: number,
  ) {}

  /** Calls a declared operation: the request and the answer are typed by its declaration. */
  call<Req, Res>(operation: Operation<Req, Res>, request: Req, options: RequestOptions = {}): Promise<Res> {
    return this.request<Res, Req>(operation.subject, request, options);
  }

  async request<TResponse, TPayload = unknown>(subject: string, payload: TPayload, options: RequestOptions = {}): Promise<TResponse> {
    const nc = await this.connection.get();
    const h = natsHeaders();
    const requestId = options.requestId ?? currentRequestId();
    if (requestId) h.set(REQUEST_ID_HEADER, requestId);
    if (options.caller) h.set(CALLER_HEADER, encodeCaller(options.caller));
    const packet = JSON.stringify({ pattern: subject, data: payload ?? {}, id: nuid.next() });
    const timeout = options.timeoutMs ?? this.defaultTimeoutMs;
    let raw: Uint8Array;
    try {
      raw = (await nc.request(subject, packet, { timeout, headers: h })).data;
    } catch (error) {
      throw this.transportError(subject, timeout, error);
    }
    const reply = JSON.parse(Buffer.from(raw).toString('utf8')) as NestReply<TResponse>;
    if (reply.err !== undefined && reply.err !== null) {
      natsClientRequests.inc({ subject, outcome: 'error' });
      throw isErrorPayload(reply.err)
        ? AppError.fromPayload(reply.err as ErrorPayload)
        : new AppError('internal', 'PLATFORM.INTERNAL', 'The service failed to answer.');
    }
    natsClientRequests.inc({ subject, outcome: 'ok' });
    return reply.response as TResponse;
  }

  private transportError(subject: string, timeoutMs: number, error: unknown): AppError {
    const noResponders =
      error instanceof natsErrorTypes.RequestError ? error.isNoResponders() : error instanceof natsErrorTypes.NoRespondersError;
    const service = subject.split('.')[0];
    if (noResponders) {
      natsErrors.inc({ type: 'no_responders' });
      natsClientRequests.inc({ subject, outcome: 'unavailable' });
      return new AppError('unavailable', 'PLATFORM.SERVICE_UNAVAILABLE', `The ${service} service is not available.`, { service });
    }
    if (error instanceof natsErrorTypes.TimeoutError) {
      natsErrors.inc({ type: 'timeout' });
      natsClientRequests.inc({ subject, outcome: 'timeout' });
      return new AppError(
        'unavailable',
        'PLATFORM.UPSTREAM_TIMEOUT',
        `The ${service} service did not answer within ${timeoutMs} ms.`,
        { service, timeoutMs },
        504,
      );
    }
    natsErrors.inc({ type: 'request' });
    natsClientRequests.inc({ subject, outcome: 'unavailable' });
    return new AppError('unavailable', 'PLATFORM.NATS_UNAVAILABLE', 'The message bus is not available.', { service });
  }
}
