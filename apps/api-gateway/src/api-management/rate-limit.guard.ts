import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModuleOptions,
  ThrottlerOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, CallerIdentity } from '@suite/platform';
import { WindowStorage } from './fixed-window';
import { routeClassOf, trackerOf } from './route-class';
import { RateLimitMark, UsageRecorder } from './usage-recorder';

type LimitedRequest = FastifyRequest & { user?: CallerIdentity; rateLimit?: RateLimitMark };

/**
 * @nestjs/throttler's guard with the suite's rules: one named throttler per route class (`strict`,
 * `default`; see routeClassOf), counted per caller (trackerOf) and route in fixed windows, the
 * IETF RateLimit headers on every limited answer, and a refusal that is the suite's 429
 * problem+json with Retry-After, whose window is recorded in RateLimitLog. Registered after the
 * AuthenticationGuard, so a signed-in caller or an API key is counted as such, not by address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private byClass = new Map<string, ThrottlerOptions>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: WindowStorage,
    reflector: Reflector,
    private readonly usage: UsageRecorder,
  ) {
    super(options, storage as ThrottlerStorage, reflector);
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.byClass = new Map(this.throttlers.map((t) => [t.name!, t]));
  }

  /** One throttler per request, the one of its route's class (the base class would try each in turn). */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    const throttler = this.byClass.get(routeClassOf(request.method, request.routeOptions?.url));
    if (!throttler) return true;
    const ttl = throttler.ttl as number;
    return this.handleRequest({
      context,
      limit: throttler.limit as number,
      ttl,
      throttler,
      blockDuration: ttl,
      getTracker: trackerOf as never,
      generateKey: (_context, tracker, name) => `${name}:${tracker}:${request.method} ${request.routeOptions.url}`,
    });
  }

  protected override async handleRequest({ context, limit, ttl, throttler, generateKey }: ThrottlerRequest): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const tracker = trackerOf(request);
    const storage = this.storageService as unknown as WindowStorage;
    const record = await storage.increment(generateKey(context, tracker, throttler.name!), ttl, limit, ttl, throttler.name!);
    const remaining = Math.max(0, limit - record.totalHits);
    reply.header('RateLimit-Policy', `${limit};w=${Math.round(ttl / 1000)}`);
    reply.header('RateLimit-Limit', limit);
    reply.header('RateLimit-Remaining', remaining);
    reply.header('RateLimit-Reset', record.timeToExpire);
    request.rateLimit = { hit: record.totalHits >= limit, throttled: record.isBlocked };
    if (!record.isBlocked) return true;
    reply.header('Retry-After', record.timeToExpire);
    const endpoint = `${request.method} ${request.routeOptions.url}`;
    this.usage.blocked({
      identifier: tracker,
      endpoint,
      windowStart: new Date(record.windowStart).toISOString(),
      windowEnd: new Date(record.windowStart + ttl).toISOString(),
    });
    throw new AppError(
      'unavailable',
      'GATEWAY.RATE_LIMITED',
      `Too many requests: at most ${limit} per ${Math.round(ttl / 1000)} s to ${endpoint}. Try again in ${record.timeToExpire} s.`,
      { limit, windowSeconds: Math.round(ttl / 1000), retryAfter: record.timeToExpire },
      429,
    );
  }
}
