import { INestApplicationContext, LogLevel, Module, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jetstreamManager } from '@nats-io/jetstream';
import { Counter } from 'prom-client';
import { PlatformModule } from '../bootstrap/platform.module';
import { PlatformConfig } from '../config/platform-config';
import { createPrismaClient, PrismaClientClass } from '../db/prisma.module';
import { databaseUrlFor } from '../config/database-url';
import { eventStreamFor } from '../nats/jetstream';
import { NatsConnectionService } from '../nats/nats-connection';
import { DEAD_LETTER_STREAM, deadLetterSubject } from './dead-letter';
import { EventConsumer } from './event-consumer';
import { EventConsumers } from './event-consumers';

/*
 * Shared by the event consumers' integration specs (not exported from the platform): a tiny
 * analytics-shaped app around PlatformModule, and the waits and clean-up they all need.
 */

/** Builds one replica of a service whose only code is the given providers (handlers, command handlers). */
export async function startConsumerApp(prismaClient: PrismaClientClass, providers: Provider[]): Promise<INestApplicationContext> {
  @Module({
    imports: [
      PlatformModule.forService({ name: 'analytics', healthSubject: 'analytics.health.check', config: PlatformConfig, prismaClient }),
    ],
    providers,
  })
  class ConsumerSpecModule {}
  const levels: LogLevel[] = process.env.SPEC_LOGS ? ['error', 'warn', 'log'] : [];
  const app = await NestFactory.createApplicationContext(ConsumerSpecModule, {
    logger: levels.length ? levels : false,
    abortOnError: false,
  });
  return app;
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A counter's value for one label set (0 when never incremented). */
export async function counterValue(counter: Counter<string>, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  return values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((sum, v) => sum + v.value, 0);
}

/** The running consumer of one handler: specs reach into it to simulate a process that stops mid-way. */
export function consumerOf(app: INestApplicationContext, durable: string): EventConsumer {
  const registered = (app.get(EventConsumers) as unknown as { registered: { consumer: EventConsumer }[] }).registered;
  const found = registered.find((r) => r.consumer.durable === durable);
  if (!found) throw new Error(`no consumer ${durable}`);
  return found.consumer;
}

/** Deletes what a spec left on the shared NATS server: its durables, its events, its dead letters. */
export async function cleanNats(connection: NatsConnectionService, tag: string, handlers: string[]): Promise<void> {
  const jsm = await jetstreamManager(await connection.get());
  const stream = eventStreamFor('analytics').name;
  for await (const consumer of jsm.consumers.list(stream)) {
    if (consumer.name.includes(tag)) await jsm.consumers.delete(stream, consumer.name).catch(() => undefined);
  }
  await jsm.streams.purge(stream, { filter: `evt.analytics.spec${tag}.>` }).catch(() => undefined);
  for (const handler of handlers)
    await jsm.streams.purge(DEAD_LETTER_STREAM.name, { filter: deadLetterSubject('analytics', handler) }).catch(() => undefined);
}

/** Drops the spec's own database (created by migrateAll under its DATABASE_NAME_PREFIX). */
export async function dropSpecDatabase(prismaClient: PrismaClientClass, prefix: string): Promise<void> {
  const server = databaseUrlFor('analytics', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1');
  const admin = createPrismaClient(prismaClient, server);
  await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${prefix}analytics" WITH (FORCE)`);
  await admin.$disconnect();
}
