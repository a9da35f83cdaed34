import { ArgumentMetadata, DynamicModule, Global, Module, Provider, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { databaseUrlFor } from '../config/database-url';
import { loadConfig } from '../config/env';
import { PlatformConfig } from '../config/platform-config';
import { DB, createPrismaClient } from '../db/prisma.module';
import { UnitOfWork } from '../db/unit-of-work';
import { EventConsumers } from '../events/event-consumers';
import { PeriodicJobs } from '../jobs/periodic-job';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { AppError } from '../errors/app-error';
import { findUnstorableText } from '../errors/unstorable-text';
import { validationFailed } from '../errors/validation';
import { cacheValidationMetadataLookups } from '../errors/validation-metadata-cache';
import { HEALTH_SERVICE_NAME, HealthProbe } from '../health/health-probe';
import { HealthController } from '../health/health.controller';
import { healthRpcController } from '../health/health-rpc.controller';
import { loggingModule } from '../logging/logging.module';
import { MetricsController } from '../metrics/metrics.controller';
import { JetStreamService } from '../nats/jetstream';
import { NatsClient } from '../nats/nats-client';
import { NatsConnectionService } from '../nats/nats-connection';
import { OperationPermissionGuard } from '../nats/handles.decorator';
import { OUTBOX_OPTIONS, OutboxRelay } from '../outbox/outbox-relay';
import { Settings } from '../settings/settings';
import { PLATFORM_CONFIG, SERVICE_DEFINITION, ServiceDefinition } from './service-definition';

/**
 * Rejects unknown fields and turns every violation into one `invalid` error naming each field.
 * Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused first, in every body, query
 * and path parameter, whether or not its DTO declares the field.
 */
export class SuiteValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: (errors) => validationFailed(errors) });
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const violations = findUnstorableText(value, metadata.data ?? '');
    if (violations.length > 0)
      throw new AppError('invalid', 'PLATFORM.VALIDATION_FAILED', `Invalid input: ${violations.map((v) => v.field).join(', ')}.`, {
        errors: violations,
      });
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadataLookups();
  return new SuiteValidationPipe();
}

/**
 * What every service gets from the platform: validated config, logs with request ids, its NATS
 * connection and typed client, JetStream, its own database with the outbox relay, health over HTTP
 * and NATS, metrics, and the one error model. Import once in the app's root module.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(definition: ServiceDefinition): DynamicModule {
    // Config is read when the app is created, not when this module is declared: bootstrapService
    // validates it first and reports bad variables by name instead of a stack trace at import time.
    const providers: Provider[] = [
      { provide: SERVICE_DEFINITION, useValue: definition },
      { provide: PLATFORM_CONFIG, useFactory: () => loadConfig<PlatformConfig>(definition.config) },
      { provide: definition.config, useExisting: PLATFORM_CONFIG },
      { provide: HEALTH_SERVICE_NAME, useValue: definition.name },
      {
        provide: NatsConnectionService,
        useFactory: (config: PlatformConfig) => new NatsConnectionService(config.NATS_URL, definition.name),
        inject: [PLATFORM_CONFIG],
      },
      {
        provide: NatsClient,
        useFactory: (c: NatsConnectionService, config: PlatformConfig) => new NatsClient(c, config.NATS_REQUEST_TIMEOUT_MS),
        inject: [NatsConnectionService, PLATFORM_CONFIG],
      },
      {
        provide: Settings,
        useFactory: (nats: NatsClient, c: NatsConnectionService, config: PlatformConfig) =>
          new Settings(nats, c, config.SETTINGS_CACHE_TTL_MS),
        inject: [NatsClient, NatsConnectionService, PLATFORM_CONFIG],
      },
      JetStreamService,
      EventConsumers,
      PeriodicJobs,
      HealthProbe,
      { provide: APP_FILTER, useClass: AllExceptionsFilter },
      { provide: APP_GUARD, useClass: OperationPermissionGuard },
      { provide: APP_PIPE, useFactory: createValidationPipe },
    ];
    const exported: unknown[] = [
      PLATFORM_CONFIG,
      definition.config,
      NatsClient,
      JetStreamService,
      NatsConnectionService,
      HealthProbe,
      EventConsumers,
      PeriodicJobs,
      Settings,
    ];
    if (definition.prismaClient) {
      const Client = definition.prismaClient;
      providers.push(
        { provide: DB, useFactory: () => createPrismaClient(Client, databaseUrlFor(definition.name)) },
        { provide: OUTBOX_OPTIONS, useValue: { service: definition.name } },
        OutboxRelay,
        UnitOfWork,
      );
      exported.push(DB, OutboxRelay, UnitOfWork);
    }
    return {
      module: PlatformModule,
      imports: [loggingModule(definition.name), TerminusModule.forRoot({ logger: false }), DiscoveryModule, CqrsModule.forRoot()],
      controllers: [HealthController, healthRpcController(definition.healthSubject), MetricsController],
      providers,
      exports: exported as Provider[],
    };
  }
}
