import { DynamicModule } from '@nestjs/common';
import { LoggerModule, Params, PinoLogger } from 'nestjs-pino';
import { PLATFORM_CONFIG } from '../bootstrap/service-definition';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestId } from './request-id';

/**
 * Never written to a log line, wherever they appear in a logged object. Request headers are not
 * logged at all (see the req serializer), so credentials in them cannot leak.
 */
const REDACTED = ['*.password', '*.passwordHash', '*.secret', '*.token', '*.accessToken', '*.refreshToken', '*.apiKey', '*.credentials'];

const PROBE_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/** What the access line says of a request and its answer: enough to find it, cheap to serialise. */
const serializers = {
  req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

/** The request id of the HTTP request or NATS message the line is written in (see requestContext). */
const withRequestId = () => {
  const requestId = currentRequestId();
  return requestId ? { reqId: requestId } : {};
};

/** Structured JSON logs (pretty when LOG_PRETTY=true) with a request id on every line, HTTP and NATS alike. */
export function loggingModule(service: string): DynamicModule {
  return LoggerModule.forRootAsync({ useFactory: (config: PlatformConfig) => loggerParams(service, config), inject: [PLATFORM_CONFIG] });
}

/** The level of a request's access line: probes are silent, server errors errors, client errors warnings. */
function accessLevel(url: string | undefined, statusCode: number): 'silent' | 'error' | 'warn' | 'info' {
  // Probes and scrapes every few seconds would drown the useful lines; a 503 from /health while
  // the stack starts is an answer, not an error.
  if (PROBE_PATHS.test(url ?? '')) return 'silent';
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Writes the one access line of an HTTP request, from the Fastify onResponse hook (see
 * createFastifyAdapter). It replaces pino-http's Nest middleware, which built a child logger per
 * request and ran through Fastify's Express-middleware bridge even when the line was not written
 * (LOG_LEVEL above info): about a tenth of the gateway's CPU per request.
 */
export function writeAccessLine(
  request: { id: string; url: string; raw: object },
  reply: { statusCode: number; elapsedTime: number; raw: object },
): void {
  const logger = PinoLogger.root;
  const level = accessLevel(request.url, reply.statusCode);
  if (!logger || level === 'silent' || !logger.isLevelEnabled(level)) return;
  logger[level](
    // The raw Node objects: the root logger's req/res serializers (pino-http's, wrapping ours) read those.
    { reqId: request.id, req: request.raw, res: reply.raw, responseTime: Math.round(reply.elapsedTime) },
    'request completed',
  );
}

function loggerParams(service: string, config: PlatformConfig): Params {
  const pretty = config.LOG_PRETTY === 'true' || config.LOG_PRETTY === '1';
  return {
    // No per-request middleware: the access line is written by writeAccessLine, and the request id
    // reaches every other line through the mixin.
    forRoutes: [],
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      redact: { paths: REDACTED, censor: '[redacted]' },
      serializers,
      mixin: withRequestId,
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  };
}
