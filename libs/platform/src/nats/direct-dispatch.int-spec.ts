import { CanActivate, Controller, INestMicroservice, Injectable, UseGuards } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { IsInt, Max, Min } from 'class-validator';
import { operationsWith } from '@suite/contracts/core';
import { CallerIdentity } from '../auth/caller';
import { AppError, conflict } from '../errors/app-error';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../bootstrap/platform.module';
import { currentRequestId } from '../logging/request-id';
import { collectDirectHandlers } from './direct-dispatch';
import { Handles, OperationPermissionGuard } from './handles.decorator';
import { NatsClient } from './nats-client';
import { NatsConnectionService } from './nats-connection';
import { SuiteNatsServer } from './nats-server';

const prefix = `d${randomUUID().slice(0, 8)}`;

class CountRequest {
  @IsInt() @Min(1) @Max(100) count: number;
}
class Counted {
  doubled: number;
  caller?: string;
  requestId?: string;
}
const operation = operationsWith<'counts:write'>();
const Double = operation({ subject: `${prefix}.count.double`, request: CountRequest, response: Counted, permissions: ['counts:write'] });
const Open = operation({ subject: `${prefix}.count.open`, request: CountRequest, response: Counted });
const Clash = operation({ subject: `${prefix}.count.clash`, request: CountRequest, response: Counted });
const Crash = operation({ subject: `${prefix}.count.crash`, request: CountRequest, response: Counted });
const Guarded = operation({ subject: `${prefix}.count.guarded`, request: CountRequest, response: Counted });

@Controller()
class CountController {
  @Handles(Double)
  double(request: CountRequest, caller: CallerIdentity): Counted {
    return { doubled: request.count * 2, caller: caller.userId, requestId: currentRequestId() };
  }

  @Handles(Open)
  async open(request: CountRequest): Promise<Counted> {
    return { doubled: request.count * 2 };
  }

  @Handles(Clash)
  clash(): Counted {
    throw conflict('TEST.CLASH', 'Already counted.', { count: 1 });
  }

  @Handles(Crash)
  crash(): Counted {
    throw new Error('postgres://user:secret@db failed');
  }
}

/** A guard of the method's own: its operation must keep Nest's pipeline so the guard runs. */
@Injectable()
class RefuseAll implements CanActivate {
  canActivate(): boolean {
    throw conflict('TEST.GUARDED', 'The method guard ran.');
  }
}

@Controller()
class GuardedController {
  @UseGuards(RefuseAll)
  @Handles(Guarded)
  guarded(request: CountRequest): Counted {
    return { doubled: request.count };
  }
}

const failure = (call: Promise<unknown>): Promise<AppError> =>
  call.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: AppError) => error,
  );

describe('SuiteNatsServer: @Handles operations dispatched without the Nest pipeline', () => {
  let server: INestMicroservice;
  let connection: NatsConnectionService;
  let client: NatsClient;
  let direct: string[];
  const writer: CallerIdentity = { userId: 'u-1', roles: [], permissions: ['counts:write'], teamIds: [] };
  const reader: CallerIdentity = { userId: 'u-2', roles: [], permissions: [], teamIds: [] };

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [CountController, GuardedController],
      providers: [RefuseAll],
    }).compile();
    const strategy = new SuiteNatsServer({ servers: [process.env.NATS_URL!], queue: prefix });
    server = module.createNestMicroservice({ strategy });
    server.useGlobalFilters(new AllExceptionsFilter());
    server.useGlobalPipes(createValidationPipe());
    server.useGlobalGuards(new OperationPermissionGuard());
    await server.init();
    const handlers = collectDirectHandlers(server, createValidationPipe());
    direct = [...handlers.keys()].sort();
    strategy.useDirectHandlers(handlers);
    await server.listen();
    connection = new NatsConnectionService(process.env.NATS_URL!, 'spec');
    client = new NatsClient(connection, 2000);
  });

  afterAll(async () => {
    await connection.onApplicationShutdown();
    await server.close();
  });

  it('dispatches every @Handles method directly except one with enhancers of its own', () => {
    expect(direct).toEqual([Clash.subject, Crash.subject, Double.subject, Open.subject].sort());
  });

  it('answers with the handler result, the caller decoded and the request id in context', async () => {
    await expect(client.call(Double, { count: 21 }, { caller: writer, requestId: 'req-42' })).resolves.toEqual({
      doubled: 42,
      caller: 'u-1',
      requestId: 'req-42',
    });
    await expect(client.call(Open, { count: 2 })).resolves.toEqual({ doubled: 4 });
  });

  it('checks the declared permissions before the input: 401 anonymous, 403 naming what is missing', async () => {
    expect((await failure(client.call(Double, { count: 0 }))).kind).toBe('unauthorized');
    const denied = await failure(client.call(Double, { count: 0 } as CountRequest, { caller: reader }));
    expect(denied.toPayload()).toMatchObject({ kind: 'forbidden', code: 'AUTH.PERMISSION_DENIED', details: { missing: ['counts:write'] } });
  });

  it('validates against the declared request class, naming each bad or unknown field', async () => {
    const error = await failure(client.call(Open, { count: 500, extra: 1 } as CountRequest));
    expect(error.kind).toBe('invalid');
    expect(error.details?.errors?.map((e) => e.field).sort()).toEqual(['count', 'extra']);
    const nul = await failure(client.call(Open, { count: 'a\u0000b' } as unknown as CountRequest));
    expect(nul.details?.errors?.map((e) => e.field)).toEqual(['count']);
  });

  it('carries a typed error across and hides an unexpected one behind a generic internal error', async () => {
    expect((await failure(client.call(Clash, { count: 1 }))).toPayload()).toEqual({
      code: 'TEST.CLASH',
      kind: 'conflict',
      message: 'Already counted.',
      details: { count: 1 },
    });
    expect((await failure(client.call(Crash, { count: 1 }))).toPayload()).toEqual({
      code: 'PLATFORM.INTERNAL',
      kind: 'internal',
      message: 'An unexpected error occurred.',
    });
  });

  it("runs a method's own guard through Nest's pipeline", async () => {
    expect((await failure(client.call(Guarded, { count: 1 }))).code).toBe('TEST.GUARDED');
  });

  it('answers many concurrent requests, each with its own result', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => client.call(Open, { count: (i % 100) + 1 })));
    expect(answers.map((a) => a.doubled)).toEqual(Array.from({ length: 100 }, (_, i) => ((i % 100) + 1) * 2));
  });
});
