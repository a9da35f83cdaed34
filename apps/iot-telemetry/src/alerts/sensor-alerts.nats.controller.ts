import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IotTelemetrySubjects, SensorAlertListQuery, SensorAlertView } from '@suite/contracts/iot-telemetry';
import { Caller, CallerIdentity, Page } from '@suite/platform';
import { SensorAlertsService } from './sensor-alerts.service';

@Controller()
export class SensorAlertsNatsController {
  constructor(private readonly alerts: SensorAlertsService) {}

  @MessagePattern(IotTelemetrySubjects.SensorAlertList)
  list(@Payload() query: SensorAlertListQuery, @Caller() caller: CallerIdentity): Promise<Page<SensorAlertView>> {
    return this.alerts.list(caller, query);
  }
}
