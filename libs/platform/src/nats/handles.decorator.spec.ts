import 'reflect-metadata';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { IsString } from 'class-validator';
import { operationsWith } from '@suite/contracts/core';
import { ExecutionContext } from '@nestjs/common';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { ANONYMOUS, CALLER_HEADER, CallerIdentity, encodeCaller } from '../auth/caller';
import { Handles, OperationPermissionGuard } from './handles.decorator';

class GreetRequest {
  @IsString() name: string;
}
class Greeting {
  text: string;
}
const operation = operationsWith<'greetings:create' | 'greetings:read'>();
const Greet = operation({ subject: 'test.greeting.create', request: GreetRequest, response: Greeting, permissions: ['greetings:create'] });
const Peek = operation({ subject: 'test.greeting.peek', request: GreetRequest, response: Greeting });

class GreetingsController {
  @Handles(Greet)
  greet(request: GreetRequest): Greeting {
    return { text: `hello ${request.name}` };
  }

  @Handles(Peek)
  async peek(request: GreetRequest, caller: CallerIdentity): Promise<Greeting> {
    return { text: `${request.name} seen by ${caller.userId ?? 'nobody'}` };
  }

  // The compiler holds a handler to its declaration: the wrong request or response does not type-check.
  // @ts-expect-error the request is a GreetRequest, not a number
  @Handles(Peek) wrongRequest(request: number): Greeting {
    return { text: String(request) };
  }

  // @ts-expect-error the answer must be a Greeting
  @Handles(Peek) wrongResponse(): number {
    return 1;
  }
}

const member: CallerIdentity = { userId: 'u1', roles: [], permissions: ['greetings:create'], teamIds: [] };
const outsider: CallerIdentity = { userId: 'u2', roles: [], permissions: ['greetings:read'], teamIds: [] };
const controller = new GreetingsController();

/** What Nest hands a guard for a NATS message to `handler` sent by `caller`. */
function natsCall(handler: unknown, caller: CallerIdentity): ExecutionContext {
  const h = natsHeaders();
  h.set(CALLER_HEADER, encodeCaller(caller));
  return {
    getType: () => 'rpc',
    getHandler: () => handler,
    switchToRpc: () => ({ getContext: () => ({ getHeaders: () => h }) }),
  } as unknown as ExecutionContext;
}

describe('@Handles', () => {
  const guard = new OperationPermissionGuard();
  const { greet, peek } = GreetingsController.prototype;

  it('subscribes the method to the declared subject and validates against the declared request class', () => {
    expect(Reflect.getMetadata(PATTERN_METADATA, greet)).toEqual(['test.greeting.create']);
    expect(Reflect.getMetadata('design:paramtypes', GreetingsController.prototype, 'greet')).toEqual([GreetRequest, Object]);
    expect(controller.greet({ name: 'Ana' })).toEqual({ text: 'hello Ana' });
  });

  it('lets a caller holding the declared permissions through the service guard', () => {
    expect(guard.canActivate(natsCall(greet, member))).toBe(true);
  });

  it('refuses a signed-in caller without them (403 naming the missing one) and an anonymous one (401)', () => {
    expect(() => guard.canActivate(natsCall(greet, outsider))).toThrow(
      expect.objectContaining({ kind: 'forbidden', code: 'AUTH.PERMISSION_DENIED', details: { missing: ['greetings:create'] } }),
    );
    expect(() => guard.canActivate(natsCall(greet, ANONYMOUS))).toThrow(expect.objectContaining({ kind: 'unauthorized' }));
  });

  it('leaves operations without permissions open to every caller, the service deciding visibility', async () => {
    expect(guard.canActivate(natsCall(peek, ANONYMOUS))).toBe(true);
    expect(await controller.peek({ name: 'Ana' }, ANONYMOUS)).toEqual({ text: 'Ana seen by nobody' });
  });
});
