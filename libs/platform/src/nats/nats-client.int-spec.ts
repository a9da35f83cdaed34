import { Controller, INestMicroservice } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload, Transport } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { IsInt, Min } from 'class-validator';
import { Caller, CallerIdentity } from '../auth/caller';
import { conflict } from '../errors/app-error';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../bootstrap/platform.module';
import { REQUEST_ID_HEADER } from '../logging/request-id';
import { NatsClient } from './nats-client';
import { NatsConnectionService } from './nats-connection';
import { AppError } from '../errors/app-error';

const prefix = `t${randomUUID().slice(0, 8)}`;
const S = {
  echo: `${prefix}.echo.run`,
  fail: `${prefix}.fail.run`,
  crash: `${prefix}.crash.run`,
  slow: `${prefix}.slow.run`,
  strict: `${prefix}.strict.run`,
  who: `${prefix}.who.run`,
};

class CountDto {
  @IsInt() @Min(1) count: number;
}

@Controller()
class TestController {
  @MessagePattern(S.echo) echo(@Payload() data: unknown) {
    return { echoed: data };
  }
  @MessagePattern(S.fail) fail() {
    throw conflict('TEST.OUT_OF_STOCK', 'Out of stock: SKU-1', { sku: 'SKU-1' });
  }
  @MessagePattern(S.crash) crash() {
    throw new Error('secret connection string postgres://u:p@h');
  }
  @MessagePattern(S.slow) async slow() {
    await new Promise((r) => setTimeout(r, 2000));
    return 'late';
  }
  @MessagePattern(S.strict) strict(@Payload() dto: CountDto) {
    return { doubled: dto.count * 2 };
  }
  @MessagePattern(S.who) who(@Caller() caller: CallerIdentity, @Ctx() ctx: NatsContext) {
    return { caller, requestId: ctx.getHeaders()?.get(REQUEST_ID_HEADER) };
  }
}

/** The AppError a call failed with; fails the test if it succeeded. */
const failure = (call: Promise<unknown>): Promise<AppError> =>
  call.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: AppError) => error,
  );

describe('NatsClient against a NestJS NATS microservice', () => {
  let server: INestMicroservice;
  let connection: NatsConnectionService;
  let client: NatsClient;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [TestController] }).compile();
    server = module.createNestMicroservice({ transport: Transport.NATS, options: { servers: [process.env.NATS_URL!], queue: prefix } });
    server.useGlobalFilters(new AllExceptionsFilter());
    server.useGlobalPipes(createValidationPipe());
    await server.listen();
    connection = new NatsConnectionService(process.env.NATS_URL!, 'spec');
    client = new NatsClient(connection, 1000);
  });

  afterAll(async () => {
    await connection.onApplicationShutdown();
    await server.close();
  });

  it('returns the typed response', async () => {
    await expect(client.request(S.echo, { a: 1 })).resolves.toEqual({ echoed: { a: 1 } });
  });

  it('carries a typed error across NATS with its code, kind and details', async () => {
    const error = await failure(client.request(S.fail, {}));
    expect(error).toBeInstanceOf(AppError);
    expect(error.toPayload()).toEqual({
      code: 'TEST.OUT_OF_STOCK',
      kind: 'conflict',
      message: 'Out of stock: SKU-1',
      details: { sku: 'SKU-1' },
    });
  });

  it('hides an unexpected error behind a generic internal error', async () => {
    const error = await failure(client.request(S.crash, {}));
    expect(error.toPayload()).toEqual({ code: 'PLATFORM.INTERNAL', kind: 'internal', message: 'An unexpected error occurred.' });
  });

  it('validates payloads in the service too, naming the field', async () => {
    await expect(client.request(S.strict, { count: 3 })).resolves.toEqual({ doubled: 6 });
    const error = await failure(client.request(S.strict, { count: 0, extra: true }));
    expect(error.kind).toBe('invalid');
    expect(error.details?.errors?.map((e) => e.field).sort()).toEqual(['count', 'extra']);
  });

  it('fails at once with 503 when nobody serves the subject', async () => {
    const started = Date.now();
    const error = await failure(client.request(`${prefix}.nobody.home`, {}, { timeoutMs: 5000 }));
    expect(error.code).toBe('PLATFORM.SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up after the timeout with a 504 error instead of hanging', async () => {
    const started = Date.now();
    const error = await failure(client.request(S.slow, {}, { timeoutMs: 300 }));
    expect(error.toPayload()).toMatchObject({ code: 'PLATFORM.UPSTREAM_TIMEOUT', kind: 'unavailable', status: 504 });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('forwards the caller identity and the request id in headers', async () => {
    const caller = { userId: 'u-1', roles: ['GROWER'], permissions: ['devices:read'], teamIds: [] };
    const answer = await client.request<{ caller: CallerIdentity; requestId: string }>(S.who, {}, { caller, requestId: 'req-123' });
    expect(answer.requestId).toBe('req-123');
    expect(answer.caller).toMatchObject(caller);
  });

  it('shares the load between copies in one queue group', async () => {
    const second = (await Test.createTestingModule({ controllers: [TestController] }).compile()).createNestMicroservice({
      transport: Transport.NATS,
      options: { servers: [process.env.NATS_URL!], queue: prefix },
    });
    await second.listen();
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => client.request(S.echo, { i })));
      expect(answers).toHaveLength(50); // each request answered exactly once, not once per copy
      expect(answers.map((a) => (a as { echoed: { i: number } }).echoed.i)).toEqual([...Array(50).keys()]);
    } finally {
      await second.close();
    }
  });
});
