import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import type { Operation } from '@suite/contracts/core';
import { Caller, CALLER_HEADER, CallerIdentity, decodeCaller } from '../auth/caller';
import { forbidden, unauthorized } from '../errors/app-error';

export const OPERATION_METADATA = 'suite:operation';

type Handler<Req, Res> = (request: Req, caller: CallerIdentity) => Promise<Res> | Res;

/**
 * Makes a method the service's handler of one declared operation:
 * `@Handles(CategoryCreate) create(request: CreateCategoryRequest, caller: CallerIdentity)`.
 * The compiler holds the method to the declaration (request in, response out); the request is
 * validated against the declared class (not whatever the parameter says), and OperationPermissionGuard
 * refuses a caller without the declared permissions before that.
 */
export function Handles<Req, Res>(operation: Operation<Req, Res>) {
  return <H extends Handler<Req, Res>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    Reflect.defineMetadata('design:paramtypes', [operation.request, Object], target, key);
    Reflect.defineMetadata(OPERATION_METADATA, operation, descriptor.value as object);
    Payload()(target, key, 0);
    Caller()(target, key, 1);
    MessagePattern(operation.subject)(target, key, descriptor);
  };
}

/**
 * The service's own check of a declared operation's permissions, before the request is validated
 * (a caller without them learns nothing about the input): the gateway checked them, but any
 * service on the bus can send the request, and the check belongs to the service that owns the data.
 */
@Injectable()
export class OperationPermissionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const operation = Reflect.getMetadata(OPERATION_METADATA, context.getHandler()) as Operation | undefined;
    if (!operation || operation.permissions.length === 0) return true;
    const headers = context.switchToRpc().getContext<NatsContext>()?.getHeaders?.();
    requirePermissions(decodeCaller(headers?.get(CALLER_HEADER)), operation.permissions);
    return true;
  }
}

export function requirePermissions(caller: CallerIdentity, needed: readonly string[]): void {
  const missing = needed.filter((p) => !caller.permissions.includes(p));
  if (missing.length === 0) return;
  if (!caller.userId && !caller.apiKeyId) throw unauthorized('AUTH.UNAUTHENTICATED', 'A valid access token is required.');
  throw forbidden('AUTH.PERMISSION_DENIED', `Missing permission: ${missing.join(', ')}.`, { missing });
}
