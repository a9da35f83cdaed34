import { INestApplicationContext, Logger, PipeTransform } from '@nestjs/common';
import { EXCEPTION_FILTERS_METADATA, GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Operation } from '@suite/contracts/core';
import { CallerIdentity, decodeCaller } from '../auth/caller';
import { toErrorPayload } from '../errors/app-error';
import { OPERATION_METADATA, requirePermissions } from './handles.decorator';

/** One @Handles method, called without Nest's per-message pipeline. */
export interface DirectHandler {
  operation: Operation;
  invoke(request: unknown, caller: CallerIdentity): unknown;
}

/** Nest's param type of @Payload(), passed to the pipe as Nest itself would. */
const PAYLOAD_PARAM_TYPE = 3;

/**
 * The @Handles methods of an application, keyed by subject, for SuiteNatsServer to call directly.
 * Nest's RPC pipeline (context creation, guards, pipes, interceptors and filters wrapped in rxjs) cost
 * ~0.25 ms of CPU per message, more than the query behind most reads. A @Handles method needs none of it
 * beyond what is done here in the same order: the caller header decoded once, the declared permissions
 * checked, the payload validated by the platform's pipe against the declared request class, errors
 * turned into the one error payload. A method or controller with its own guards, interceptors, pipes or
 * filters keeps the Nest pipeline, so nothing declared there is bypassed.
 */
export function collectDirectHandlers(app: INestApplicationContext, pipe: PipeTransform): Map<string, DirectHandler> {
  const handlers = new Map<string, DirectHandler>();
  const scanner = new MetadataScanner();
  for (const wrapper of app.get(DiscoveryService, { strict: false }).getControllers()) {
    const instance = wrapper.instance as Record<string, (...args: unknown[]) => unknown> | undefined;
    if (!instance || !wrapper.metatype || hasOwnEnhancers(wrapper.metatype)) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = instance[name];
      const operation = Reflect.getMetadata(OPERATION_METADATA, method) as Operation | undefined;
      if (!operation || hasOwnEnhancers(method)) continue;
      const metadata = { type: PAYLOAD_PARAM_TYPE as never, metatype: operation.request as never, data: undefined };
      handlers.set(operation.subject, {
        operation,
        invoke: async (request, caller) => method.call(instance, await pipe.transform(request, metadata), caller),
      });
    }
  }
  return handlers;
}

function hasOwnEnhancers(target: object): boolean {
  return [GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, EXCEPTION_FILTERS_METADATA].some(
    (key) => ((Reflect.getMetadata(key, target) as unknown[] | undefined)?.length ?? 0) > 0,
  );
}

const errors = new Logger('Errors');

/**
 * Runs one request the way Nest's pipeline would (permissions before validation, so a caller without
 * them learns nothing about the input) and returns the reply packet NatsClient reads.
 */
export async function dispatchDirect(
  handler: DirectHandler,
  id: string,
  data: unknown,
  callerHeader: string | undefined,
): Promise<{ id: string; isDisposed: true; response?: unknown; err?: unknown }> {
  try {
    const caller = decodeCaller(callerHeader);
    if (handler.operation.permissions.length > 0) requirePermissions(caller, handler.operation.permissions);
    return { id, isDisposed: true, response: await handler.invoke(data, caller) };
  } catch (exception) {
    const err = toErrorPayload(exception);
    if (err.kind === 'internal') errors.error({ err: exception }, 'unhandled error in message handler');
    return { id, isDisposed: true, err };
  }
}
