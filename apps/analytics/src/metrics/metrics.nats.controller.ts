import { Controller } from '@nestjs/common';
import { DashboardGet, MetricGet, MetricQuery, MetricScopeQuery } from '@suite/contracts/analytics';
import { CallerIdentity, Handles } from '@suite/platform';
import { MetricsService } from './metrics.service';

@Controller()
export class MetricsNatsController {
  constructor(private readonly metrics: MetricsService) {}

  @Handles(MetricGet)
  metric(q: MetricQuery, caller: CallerIdentity) {
    return this.metrics.metric(q, caller);
  }

  @Handles(DashboardGet)
  dashboard(q: MetricScopeQuery, caller: CallerIdentity) {
    return this.metrics.dashboard(q, caller);
  }
}
