import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { toErrorPayload } from './app-error';
import { httpErrorToPayload } from './http-error';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/**
 * The one place errors leave a process. Over NATS they become `{code, kind, message, details}`;
 * over HTTP, RFC 9457 problem+json. Unexpected errors are logged here with their stack and
 * replaced by a generic internal error, so no stack trace or SQL reaches a caller.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') {
      const payload = toErrorPayload(exception);
      if (payload.kind === 'internal') this.logger.error({ err: exception }, 'unhandled error in message handler');
      return throwError(() => payload);
    }
    const payload = httpErrorToPayload(exception);
    if (payload.kind === 'internal') this.logger.error({ err: exception }, 'unhandled error in HTTP handler');
    const http = host.switchToHttp();
    const request = http.getRequest<{ url?: string; id?: string }>();
    const reply = http.getResponse<ReplyLike>();
    const problem = toProblem(payload, { instance: request?.url?.split('?')[0], requestId: request?.id });
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
