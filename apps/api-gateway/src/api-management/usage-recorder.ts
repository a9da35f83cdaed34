import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge } from 'prom-client';
import { ApiUsageRecord, BlockedWindow, toUsageColumns } from '@suite/contracts/analytics';
import { AppError, CallerIdentity, metricsRegistry, NatsClient } from '@suite/platform';
import { GatewayConfig } from '../service';
import { UsageBuffer } from './usage-buffer';

export const usageDropped = new Counter({
  name: 'suite_api_usage_dropped_total',
  help: 'ApiUsageLog rows dropped because the gateway buffer was full (analytics slow or down)',
  registers: [metricsRegistry],
});
const usageSendErrors = new Counter({
  name: 'suite_api_usage_send_errors_total',
  help: 'Usage batches analytics did not acknowledge (they stay buffered and are sent again)',
  registers: [metricsRegistry],
});
const usagePending = new Gauge({
  name: 'suite_api_usage_pending',
  help: 'ApiUsageLog rows waiting in the gateway buffer',
  registers: [metricsRegistry],
});

/** What the rate-limit guard leaves on a request for its usage row. */
export interface RateLimitMark {
  hit: boolean;
  throttled: boolean;
}

type TrackedRequest = FastifyRequest & { user?: CallerIdentity; rateLimit?: RateLimitMark; queuedMs?: number };

const header = (value: string | string[] | undefined, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);
const size = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

/**
 * Every request under /api becomes one ApiUsageLog row in analytics, written off the request path:
 * the row is built in a Fastify onResponse hook (after the answer has gone), buffered, and sent in
 * batches as ApiUsageRecord requests that analytics answers once the rows are committed. A request
 * per batch rather than a JetStream stream: it is one NATS round trip per few hundred rows, and a
 * batch stays buffered until analytics acknowledges it, so nothing is lost while analytics is up and
 * a restart of analytics only delays rows (up to USAGE_LOG_BUFFER_MAX, beyond which they are counted in
 * suite_api_usage_dropped_total). A gateway that is killed loses what it had not sent yet.
 */
@Injectable()
export class UsageRecorder implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('ApiUsage');
  private readonly buffer: UsageBuffer;
  readonly enabled: boolean;
  private lastErrorLog = 0;

  constructor(
    private readonly nats: NatsClient,
    config: GatewayConfig,
  ) {
    this.enabled = config.USAGE_LOG_ENABLED === 'true';
    this.buffer = new UsageBuffer({
      batchSize: config.USAGE_LOG_BATCH_SIZE,
      flushMs: config.USAGE_LOG_FLUSH_MS,
      maxRows: config.USAGE_LOG_BUFFER_MAX,
      send: async (batch) => {
        try {
          await this.nats.call(ApiUsageRecord, { usage: toUsageColumns(batch.usage), blocked: batch.blocked }, { timeoutMs: 10_000 });
        } catch (error) {
          // A batch analytics refuses as invalid would be refused forever and hold up every row behind it.
          if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
          usageDropped.inc(batch.usage.length);
          this.logger.error({ err: error, rows: batch.usage.length }, 'usage batch refused as invalid; dropped');
        }
        usagePending.set(this.buffer.pending);
      },
      onDrop: (rows) => usageDropped.inc(rows),
      onSendError: (error) => {
        usageSendErrors.inc();
        if (Date.now() - this.lastErrorLog < 10_000) return;
        this.lastErrorLog = Date.now();
        this.logger.warn({ err: error, pending: this.buffer.pending }, 'usage batch not stored; kept for the next try');
      },
    });
  }

  onModuleInit(): void {
    if (this.enabled) this.buffer.start();
  }

  /** Refused requests are counted per window whether or not usage rows are kept. */
  blocked(window: Omit<BlockedWindow, 'count'>): void {
    this.buffer.addBlocked(window);
  }

  /** Installs the hooks: preHandler notes how long the request waited, onResponse records it. */
  install(app: NestFastifyApplication): void {
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('preHandler', (request: TrackedRequest, reply: FastifyReply, done: () => void) => {
      request.queuedMs = reply.elapsedTime;
      done();
    });
    fastify.addHook('onResponse', (request: TrackedRequest, reply: FastifyReply, done: () => void) => {
      if (this.enabled && request.url.startsWith('/api/')) this.record(request, reply);
      done();
    });
  }

  private record(request: TrackedRequest, reply: FastifyReply): void {
    const elapsed = reply.elapsedTime;
    const caller = request.user;
    this.buffer.add({
      id: randomUUID(),
      userId: caller?.userId,
      apiKey: caller?.apiKeyId,
      endpoint: request.routeOptions?.url ?? '(unmatched)',
      method: request.method,
      version: 'v1',
      statusCode: reply.statusCode,
      responseTime: Math.round(elapsed),
      requestSize: size(request.headers['content-length']),
      responseSize: size(reply.getHeader('content-length')),
      ipAddress: request.ip,
      userAgent: header(request.headers['user-agent'], 512),
      referer: header(request.headers.referer, 1024),
      rateLimitHit: request.rateLimit?.hit ?? false,
      throttled: request.rateLimit?.throttled ?? false,
      queueTime: request.queuedMs === undefined ? undefined : Math.round(request.queuedMs),
      metadata: { requestId: request.id },
      timestamp: new Date(Date.now() - elapsed).toISOString(),
    });
  }

  get pending(): number {
    return this.buffer.pending;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.buffer.stop();
    await this.buffer.drain(5000);
  }
}
