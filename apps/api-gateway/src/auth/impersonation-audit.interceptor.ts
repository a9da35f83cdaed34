import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { IdentitySubjects, ImpersonatedRequestRecord } from '@suite/contracts/identity';
import { CallerIdentity, NatsClient } from '@suite/platform';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface HttpRequest {
  id: string;
  method: string;
  url: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
  user?: CallerIdentity;
}
interface HttpReply {
  raw: { statusCode: number; once(event: 'finish', listener: () => void): unknown };
}

/**
 * Everything an admin changes while acting as someone else is audited, whichever service the
 * route reaches: once the answer has been sent (so the status is the one the client got, errors
 * included), identity is told the method, route template, status and request id and writes the
 * AuditLog row. Runs after the guard, so requests the guard refused are not recorded here.
 */
@Injectable()
export class ImpersonationAuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ImpersonationAudit');

  constructor(private readonly nats: NatsClient) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const caller = request.user;
    if (!caller?.impersonatorId || !MUTATING.has(request.method)) return next.handle();
    const reply = context.switchToHttp().getResponse<HttpReply>();
    const userAgent = request.headers['user-agent'];
    const client = { ipAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : undefined };
    const route = request.routeOptions?.url ?? request.url.split('?')[0];
    reply.raw.once('finish', () => {
      const record: ImpersonatedRequestRecord = { method: request.method, route, status: reply.raw.statusCode };
      this.nats
        .request(IdentitySubjects.AuditRecord, { request: record, client }, { caller, requestId: request.id })
        .catch((error: unknown) =>
          this.logger.error({ err: error, route, impersonatorId: caller.impersonatorId }, 'impersonated request not audited'),
        );
    });
    return next.handle();
  }
}
