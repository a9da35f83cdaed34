import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import {
  CreateThresholdDto,
  IotTelemetrySubjects,
  ThresholdRef,
  ThresholdSensorRef,
  ThresholdView,
  UpdateThresholdDto,
} from '@suite/contracts/iot-telemetry';
import { Caller, CallerIdentity } from '@suite/platform';
import { ThresholdsService } from './thresholds.service';

class CreateThresholdRequest extends ThresholdSensorRef {
  @ValidateNested() @Type(() => CreateThresholdDto) body: CreateThresholdDto;
}
class UpdateThresholdRequest extends ThresholdRef {
  @ValidateNested() @Type(() => UpdateThresholdDto) body: UpdateThresholdDto;
}

@Controller()
export class ThresholdsNatsController {
  constructor(private readonly thresholds: ThresholdsService) {}

  @MessagePattern(IotTelemetrySubjects.ThresholdList)
  list(@Payload() r: ThresholdSensorRef, @Caller() caller: CallerIdentity): Promise<ThresholdView[]> {
    return this.thresholds.list(caller, r.sensorId);
  }

  @MessagePattern(IotTelemetrySubjects.ThresholdCreate)
  create(@Payload() r: CreateThresholdRequest, @Caller() caller: CallerIdentity): Promise<ThresholdView> {
    return this.thresholds.create(caller, r.sensorId, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.ThresholdUpdate)
  update(@Payload() r: UpdateThresholdRequest, @Caller() caller: CallerIdentity): Promise<ThresholdView> {
    return this.thresholds.update(caller, r.sensorId, r.thresholdId, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.ThresholdDelete)
  async remove(@Payload() r: ThresholdRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    await this.thresholds.remove(caller, r.sensorId, r.thresholdId);
    return { deleted: true };
  }
}
