import { Controller, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HealthProbe, ServiceHealthReport } from './health-probe';

/** The `<service>.health.check` handler; the subject comes from the service's contracts. */
export function healthRpcController(subject: string): Type<unknown> {
  @Controller()
  class HealthRpcController {
    constructor(private readonly probe: HealthProbe) {}

    @MessagePattern(subject)
    check(): Promise<ServiceHealthReport> {
      return this.probe.report();
    }
  }
  return HealthRpcController;
}
