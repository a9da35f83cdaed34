import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Req, Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HttpMethod, Operation } from '@suite/contracts/core';
import { ANONYMOUS, CallerIdentity, NatsClient, Public } from '@suite/platform';
import { RequirePermissions } from '../auth/auth.decorators';
import { IncomingRequest, toClientFields, toRequestMessage } from './request-mapping';
import { routeDocs } from './route-docs';

const METHODS: Record<HttpMethod, (path: string) => MethodDecorator> = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

/**
 * A controller that exposes declared operations over HTTP. Each route is forwarded to its operation
 * by the declaration: the gateway's guard checks its permissions (and the service checks them
 * again), OpenAPI documents it, and toRequestMessage maps the request. A new route is a declaration
 * in libs/contracts plus a @Handles method in the service; nothing is written here.
 */
export function forwardingController(tag: string, operations: readonly Operation[]): Type<unknown> {
  class ForwardingController {
    constructor(readonly nats: NatsClient) {}
  }
  Object.defineProperty(ForwardingController, 'name', { value: `${pascal(tag)}ForwardingController` });
  Reflect.defineMetadata('design:paramtypes', [NatsClient], ForwardingController);
  const prototype = ForwardingController.prototype as unknown as Record<string, unknown>;
  for (const operation of operations) {
    const route = operation.http;
    if (!route) throw new Error(`${operation.subject} has no HTTP route to forward`);
    const key = operation.subject.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());
    const status = route.status ?? (route.method === 'POST' ? 201 : 200);
    prototype[key] = async function forward(this: ForwardingController, request: IncomingRequest & { user?: CallerIdentity }) {
      try {
        return await this.nats.call(operation, toRequestMessage(route, request), {
          caller: request.user ?? ANONYMOUS,
          timeoutMs: route.timeoutMs,
        });
      } catch (error) {
        throw toClientFields(error);
      }
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
    Reflect.defineMetadata('design:paramtypes', [Object], prototype, key);
    Req()(prototype, key, 0);
    const decorators = [METHODS[route.method](route.path), HttpCode(status), routeDocs(operation, key, status)];
    decorators.push(route.public ? Public() : RequirePermissions(...(operation.permissions as never[])));
    for (const decorate of decorators) decorate(prototype, key, descriptor);
  }
  ApiTags(tag)(ForwardingController);
  Controller()(ForwardingController);
  return ForwardingController;
}

const pascal = (s: string) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c: string) => c.toUpperCase());
