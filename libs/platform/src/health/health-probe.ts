import { hostname } from 'node:os';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DB, PrismaLike } from '../db/prisma.module';
import { NatsConnectionService } from '../nats/nats-connection';

export type CheckStatus = 'up' | 'down';

/** What `<service>.health.check` answers and the gateway's /health shows per service. */
export interface ServiceHealthReport {
  service: string;
  status: CheckStatus;
  checks: Record<string, { status: CheckStatus; error?: string; latencyMs?: number }>;
  instance: string;
  pid: number;
  uptimeSeconds: number;
}

export const HEALTH_SERVICE_NAME = Symbol('HEALTH_SERVICE_NAME');

/** Checks the dependencies this process cannot work without: its own database (if any) and NATS. */
@Injectable()
export class HealthProbe {
  constructor(
    @Inject(HEALTH_SERVICE_NAME) private readonly service: string,
    private readonly nats: NatsConnectionService,
    @Optional() @Inject(DB) private readonly db?: PrismaLike,
  ) {}

  async databaseCheck(timeoutMs = 2000): Promise<{ status: CheckStatus; error?: string; latencyMs?: number }> {
    if (!this.db) return { status: 'up' };
    const started = Date.now();
    try {
      await withTimeout(this.db.$queryRawUnsafe('SELECT 1'), timeoutMs);
      return { status: 'up', latencyMs: Date.now() - started };
    } catch (error) {
      return { status: 'down', error: (error as Error).message.split('\n')[0].slice(0, 200) };
    }
  }

  natsCheck(): { status: CheckStatus } {
    return { status: this.nats.isConnected() ? 'up' : 'down' };
  }

  async report(): Promise<ServiceHealthReport> {
    const checks: ServiceHealthReport['checks'] = { nats: this.natsCheck() };
    if (this.db) checks.database = await this.databaseCheck();
    const status = Object.values(checks).every((c) => c.status === 'up') ? 'up' : 'down';
    return { service: this.service, status, checks, instance: hostname(), pid: process.pid, uptimeSeconds: Math.round(process.uptime()) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
