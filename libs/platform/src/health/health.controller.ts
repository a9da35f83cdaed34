import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { HealthProbe } from './health-probe';

/** Kubernetes probes: live = the process answers; ready = it can do its work (database and NATS up). */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly probe: HealthProbe,
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
    ]);
  }
}
