import { Controller } from '@nestjs/common';
import {
  CreateThresholdRequest,
  ThresholdCreate,
  ThresholdDelete,
  ThresholdList,
  ThresholdRef,
  ThresholdSensorRef,
  ThresholdUpdate,
  UpdateThresholdRequest,
} from '@suite/contracts/iot-telemetry';
import { CallerIdentity, Handles } from '@suite/platform';
import { ThresholdsService } from './thresholds.service';

@Controller()
export class ThresholdsNatsController {
  constructor(private readonly thresholds: ThresholdsService) {}

  @Handles(ThresholdList)
  list(r: ThresholdSensorRef, caller: CallerIdentity) {
    return this.thresholds.list(caller, r.sensorId);
  }

  @Handles(ThresholdCreate)
  create(r: CreateThresholdRequest, caller: CallerIdentity) {
    return this.thresholds.create(caller, r.sensorId, r.body);
  }

  @Handles(ThresholdUpdate)
  update(r: UpdateThresholdRequest, caller: CallerIdentity) {
    return this.thresholds.update(caller, r.sensorId, r.thresholdId, r.body);
  }

  @Handles(ThresholdDelete)
  async remove(r: ThresholdRef, caller: CallerIdentity) {
    await this.thresholds.remove(caller, r.sensorId, r.thresholdId);
    return { deleted: true as const };
  }
}
