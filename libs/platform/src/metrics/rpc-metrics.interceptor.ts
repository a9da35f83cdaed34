import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { rpcDuration, rpcRequests } from './metrics';

/** Counts and times every NATS request a service handles. */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const subject = context.switchToRpc().getContext<{ getSubject?: () => string }>()?.getSubject?.() ?? 'unknown';
    const stop = rpcDuration.startTimer({ subject });
    return next.handle().pipe(
      tap({
        next: () => undefined,
        complete: () => {
          stop();
          rpcRequests.inc({ subject, outcome: 'ok' });
        },
        error: () => {
          stop();
          rpcRequests.inc({ subject, outcome: 'error' });
        },
      }),
    );
  }
}
