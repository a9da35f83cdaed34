import { Controller } from '@nestjs/common';
import {
  CreateSensorRequest,
  DeviceRef,
  SensorCreate,
  SensorDelete,
  SensorList,
  SensorRef,
  SensorUpdate,
  UpdateSensorRequest,
} from '@suite/contracts/iot-telemetry';
import { CallerIdentity, Handles } from '@suite/platform';
import { SensorsService } from './sensors.service';

@Controller()
export class SensorsNatsController {
  constructor(private readonly sensors: SensorsService) {}

  @Handles(SensorList)
  list(r: DeviceRef, caller: CallerIdentity) {
    return this.sensors.list(caller, r.deviceId);
  }

  @Handles(SensorCreate)
  create(r: CreateSensorRequest, caller: CallerIdentity) {
    return this.sensors.create(caller, r.deviceId, r.body);
  }

  @Handles(SensorUpdate)
  update(r: UpdateSensorRequest, caller: CallerIdentity) {
    return this.sensors.update(caller, r.deviceId, r.sensorId, r.body);
  }

  @Handles(SensorDelete)
  async remove(r: SensorRef, caller: CallerIdentity) {
    await this.sensors.remove(caller, r.deviceId, r.sensorId);
    return { deleted: true as const };
  }
}
