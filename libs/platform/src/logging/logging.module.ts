import { DynamicModule } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import { PLATFORM_CONFIG } from '../bootstrap/service-definition';
import { PlatformConfig } from '../config/platform-config';
import { acceptRequestId, currentRequestId, REQUEST_ID_HEADER } from './request-id';

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

function loggerParams(service: string, config: PlatformConfig): Params {
  const pretty = config.LOG_PRETTY === 'true' || config.LOG_PRETTY === '1';
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      redact: { paths: REDACTED, censor: '[redacted]' },
      serializers,
      mixin: withRequestId,
      // Fastify has already chosen the id (createFastifyAdapter); reuse it so both agree.
      genReqId: (req) => (req as { id?: string }).id ?? acceptRequestId(req.headers[REQUEST_ID_HEADER]),
      // Probes and scrapes every few seconds would drown the useful lines; a 503 from /health while
      // the stack starts is an answer, not an error. (pino-http's autoLogging.ignore skips successes only.)
      customLogLevel: (req, res, err) => {
        if (PROBE_PATHS.test(req.url ?? '')) return 'silent';
        return err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      },
      // pino-http invents an Error with a stack for every 5xx; the status code already says it, and
      // real errors are logged with their stack by AllExceptionsFilter.
      customErrorObject: (_req, _res, err, value) =>
        /^failed with status code/.test(err?.message ?? '') ? { ...value, err: undefined } : value,
      transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  };
}
