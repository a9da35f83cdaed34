import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EventConsumers } from '../events/event-consumers';
import { HealthProbe } from './health-probe';

/** Kubernetes probes: live = the process answers; ready = it can do its work (database, NATS, its event consumers' lag). */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly probe: HealthProbe,
    private readonly consumers: EventConsumers,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const db = await this.probe.databaseCheck();
        const session = this.indicators.check('database');
        return db.status === 'up' ? session.up({ latencyMs: db.latencyMs }) : session.down({ error: db.error });
      },
      () => {
        const session = this.indicators.check('nats');
        return this.probe.natsCheck().status === 'up' ? session.up() : session.down();
      },
      // Lag is reported, not judged: a backlog after an outage is worked off, not a reason to stop traffic.
      async () => {
        const session = this.indicators.check('consumers');
        try {
          return session.up({ pending: await this.consumers.lag() });
        } catch (error) {
          return session.down({ error: (error as Error).message });
        }
      },
    ]);
  }
}
