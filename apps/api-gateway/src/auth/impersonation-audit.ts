import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditRecord, ImpersonatedRequestRecord } from '@suite/contracts/identity';
import { CallerIdentity, NatsClient } from '@suite/platform';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Everything an admin changes while acting as someone else is audited, whichever service the
 * route reaches: once the answer has been sent (so the status is the one the client got, errors
 * included), identity is told the method, route template, status and request id and writes the
 * AuditLog row. Requests the guard refused carry no caller and are not recorded here. A Fastify
 * onResponse hook rather than a Nest interceptor: a global interceptor puts every request of every
 * route through an rxjs pipeline, for the few that are impersonated.
 */
export function auditImpersonatedRequests(app: NestFastifyApplication): void {
  const nats = app.get(NatsClient);
  const logger = new Logger('ImpersonationAudit');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request: FastifyRequest & { user?: CallerIdentity }, reply: FastifyReply) => {
      const caller = request.user;
      if (!caller?.impersonatorId || !MUTATING.has(request.method)) return;
      const userAgent = request.headers['user-agent'];
      const client = { ipAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : undefined };
      const route = request.routeOptions?.url ?? request.url.split('?')[0];
      const record: ImpersonatedRequestRecord = { method: request.method, route, status: reply.statusCode };
      nats
        .call(AuditRecord, { request: record, client }, { caller, requestId: String(request.id) })
        .catch((error: unknown) =>
          logger.error({ err: error, route, impersonatorId: caller.impersonatorId }, 'impersonated request not audited'),
        );
    });
}
