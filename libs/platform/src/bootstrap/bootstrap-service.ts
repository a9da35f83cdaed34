import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { assertProductionSecret, JwtConfig } from '../auth/jwt-config';
import { assertProductionCallerKey, configureCallerSigning } from '../auth/caller-signing';
import { ConfigError, loadConfig } from '../config/env';
import { assertProductionEncryptionKey } from '../crypto/encryption-config';
import { PlatformConfig } from '../config/platform-config';
import { SERVICE_CATALOG } from '../config/services';
import { acceptRequestId, requestContext, REQUEST_ID_HEADER } from '../logging/request-id';
import { writeAccessLine } from '../logging/logging.module';
import { httpDuration, httpRequests } from '../metrics/metrics';
import { SuiteNatsServer } from '../nats/nats-server';
import { collectDirectHandlers } from '../nats/direct-dispatch';
import { createValidationPipe } from './platform.module';
import { httpErrorToPayload } from '../errors/http-error';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../errors/problem';
import { ServiceDefinition } from './service-definition';

export interface BootstrapOptions<C extends PlatformConfig> {
  /** Hook for the gateway: Swagger, CORS and the like, before listening. */
  configure?: (app: NestFastifyApplication, config: C) => void | Promise<void>;
  /** Which proxies may name the client in X-Forwarded-For (Fastify's trustProxy); the gateway's TRUST_PROXY. */
  trustProxy?: (config: C) => boolean | number | string | undefined;
}

/** Errors Fastify raises while routing, before any hook or Nest handler (an over-long path parameter, a malformed URL). */
function frameworkError(
  error: Error,
  request: { id: string; url: string },
  reply: { code(n: number): unknown; header(k: string, v: string): unknown; send(body: unknown): void },
): void {
  const problem = toProblem(httpErrorToPayload(error), { instance: request.url.split('?')[0].slice(0, 200), requestId: request.id });
  reply.code(problem.status);
  reply.header(REQUEST_ID_HEADER, request.id);
  reply.header('content-type', PROBLEM_CONTENT_TYPE);
  reply.send(problem);
}

export function createFastifyAdapter(bodyLimit: number, trustProxy?: boolean | number | string): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit,
    ...(trustProxy !== undefined && { trustProxy: trustProxy as never }),
    frameworkErrors: frameworkError as never,
    // The same id in Fastify, in every log line and in the NATS headers of every call it causes.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const id = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
      (req as { id?: string }).id = id;
      return id;
    },
  });
  // JSON only: Fastify also parses text/plain by default, which let a text body reach validation instead of a 415.
  adapter.getInstance().removeContentTypeParser('text/plain');
  // Echoed on every answer, errors included, so a client can quote it when reporting a problem.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    requestContext.run({ requestId: request.id }, done);
  });
  // Route templates, not raw URLs, as labels: ids in paths would make one series per request.
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    writeAccessLine(request, reply);
    done();
  });
  return adapter;
}

/**
 * Starts one service: HTTP (health, readiness, metrics; the API for the gateway) and the NATS
 * transport with the service name as queue group, so N copies share the requests. A bad
 * configuration stops the process with the names of the variables at fault.
 */
export async function bootstrapService<C extends PlatformConfig>(
  module: Type<unknown>,
  definition: ServiceDefinition<C>,
  options: BootstrapOptions<C> = {},
): Promise<INestApplication> {
  let config: C;
  try {
    config = loadConfig(definition.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (config instanceof JwtConfig) assertProductionSecret(definition.name, config);
  assertProductionEncryptionKey(definition.name, config);
  assertProductionCallerKey(definition.name, config);
  configureCallerSigning(config.CALLER_SIGNING_KEY);
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    createFastifyAdapter(config.BODY_LIMIT_BYTES, options.trustProxy?.(config)),
    {
      bufferLogs: true,
      rawBody: true,
    },
  );
  app.useLogger(app.get(Logger));
  const nats = new SuiteNatsServer({
    servers: config.NATS_URL.split(','),
    queue: definition.name,
    name: `${definition.name}-server`,
    maxReconnectAttempts: -1,
    noAsyncTraces: true,
  });
  app.connectMicroservice<MicroserviceOptions>({ strategy: nats }, { inheritAppConfig: true });
  app.enableShutdownHooks();
  await options.configure?.(app, config);
  // Start-up work (seeding, streams) finishes before the service answers on NATS: the gateway's
  // /health must not report a service up that cannot serve yet.
  await app.init();
  nats.useDirectHandlers(collectDirectHandlers(app, createValidationPipe()));
  await app.startAllMicroservices();
  const port = config.PORT ?? SERVICE_CATALOG[definition.name].httpPort;
  await app.listen(port, config.HOST);
  app.get(Logger).log(`${definition.name} listening on :${port}, NATS queue group "${definition.name}"`);
  return app;
}
