import { Injectable } from '@nestjs/common';
import { AlertingSubjects } from '@suite/contracts/alerting';
import { AnalyticsSubjects } from '@suite/contracts/analytics';
import { CatalogSubjects } from '@suite/contracts/catalog';
import { FulfillmentSubjects } from '@suite/contracts/fulfillment';
import { IdentitySubjects } from '@suite/contracts/identity';
import { IotTelemetrySubjects } from '@suite/contracts/iot-telemetry';
import { LogisticsSubjects } from '@suite/contracts/logistics';
import { OrdersSubjects } from '@suite/contracts/orders';
import { AppError, HealthProbe, NatsClient, ServiceHealthReport } from '@suite/platform';
import { GatewayConfig } from '../service';

const HEALTH_SUBJECTS = {
  identity: IdentitySubjects.HealthCheck,
  catalog: CatalogSubjects.HealthCheck,
  orders: OrdersSubjects.HealthCheck,
  fulfillment: FulfillmentSubjects.HealthCheck,
  logistics: LogisticsSubjects.HealthCheck,
  'iot-telemetry': IotTelemetrySubjects.HealthCheck,
  alerting: AlertingSubjects.HealthCheck,
  analytics: AnalyticsSubjects.HealthCheck,
} as const;

export interface ServiceEntry {
  status: 'up' | 'down';
  latencyMs: number;
  reason?: string;
  checks?: ServiceHealthReport['checks'];
  instance?: string;
}

export interface SuiteHealth {
  status: 'up' | 'degraded';
  services: Record<string, ServiceEntry>;
}

/**
 * All nine processes: the gateway itself (checked in-process) and every service, asked over NATS at
 * once; one that does not answer in time is down, never a hang.
 */
@Injectable()
export class SuiteHealthService {
  constructor(
    private readonly nats: NatsClient,
    private readonly config: GatewayConfig,
    private readonly probe: HealthProbe,
  ) {}

  async check(): Promise<SuiteHealth> {
    const remote = Object.entries(HEALTH_SUBJECTS).map(async ([name, subject]) => [name, await this.one(subject)] as const);
    const entries = await Promise.all([this.self(), ...remote]);
    const services = Object.fromEntries(entries);
    const status = entries.every(([, e]) => e.status === 'up') ? 'up' : 'degraded';
    return { status, services };
  }

  private async self(): Promise<readonly [string, ServiceEntry]> {
    const started = Date.now();
    const report = await this.probe.report();
    return [
      'api-gateway',
      { status: report.status, latencyMs: Date.now() - started, checks: report.checks, instance: report.instance },
    ] as const;
  }

  private async one(subject: string): Promise<ServiceEntry> {
    const started = Date.now();
    try {
      const report = await this.nats.request<ServiceHealthReport>(subject, {}, { timeoutMs: this.config.HEALTH_TIMEOUT_MS });
      const entry: ServiceEntry = {
        status: report.status,
        latencyMs: Date.now() - started,
        checks: report.checks,
        instance: report.instance,
      };
      if (report.status !== 'up') entry.reason = 'a dependency of the service is down';
      return entry;
    } catch (error) {
      const reason = error instanceof AppError ? error.message : 'no answer';
      return { status: 'down', latencyMs: Date.now() - started, reason };
    }
  }
}
