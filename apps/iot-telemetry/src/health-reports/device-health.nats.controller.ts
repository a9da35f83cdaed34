import { Controller } from '@nestjs/common';
import { DeviceHealthList, DeviceHealthRecord, HealthListRequest, RecordHealthRequest } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, Handles } from '@suite/platform';
import { DeviceHealthService } from './device-health.service';

@Controller()
export class DeviceHealthNatsController {
  constructor(private readonly health: DeviceHealthService) {}

  @Handles(DeviceHealthRecord)
  record(r: RecordHealthRequest, caller: CallerIdentity) {
    return this.health.record(caller, r.deviceId, r.body);
  }

  @Handles(DeviceHealthList)
  list(r: HealthListRequest, caller: CallerIdentity) {
    const { deviceId, ...query } = r;
    return this.health.list(caller, deviceId, query);
  }
}
