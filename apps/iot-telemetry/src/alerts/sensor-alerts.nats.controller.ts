import { Controller } from '@nestjs/common';
import { SensorAlertList, SensorAlertListQuery } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, Handles } from '@suite/platform';
import { SensorAlertsService } from './sensor-alerts.service';

@Controller()
export class SensorAlertsNatsController {
  constructor(private readonly alerts: SensorAlertsService) {}

  @Handles(SensorAlertList)
  list(query: SensorAlertListQuery, caller: CallerIdentity) {
    return this.alerts.list(caller, query);
  }
}
