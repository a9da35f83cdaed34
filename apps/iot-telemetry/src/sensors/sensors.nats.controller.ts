import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { CreateSensorDto, DeviceRef, IotTelemetrySubjects, SensorRef, SensorView, UpdateSensorDto } from '@suite/contracts/iot-telemetry';
import { Caller, CallerIdentity } from '@suite/platform';
import { SensorsService } from './sensors.service';

class CreateSensorRequest extends DeviceRef {
  @ValidateNested() @Type(() => CreateSensorDto) body: CreateSensorDto;
}
class UpdateSensorRequest extends SensorRef {
  @ValidateNested() @Type(() => UpdateSensorDto) body: UpdateSensorDto;
}

@Controller()
export class SensorsNatsController {
  constructor(private readonly sensors: SensorsService) {}

  @MessagePattern(IotTelemetrySubjects.SensorList)
  list(@Payload() r: DeviceRef, @Caller() caller: CallerIdentity): Promise<SensorView[]> {
    return this.sensors.list(caller, r.deviceId);
  }

  @MessagePattern(IotTelemetrySubjects.SensorCreate)
  create(@Payload() r: CreateSensorRequest, @Caller() caller: CallerIdentity): Promise<SensorView> {
    return this.sensors.create(caller, r.deviceId, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.SensorUpdate)
  update(@Payload() r: UpdateSensorRequest, @Caller() caller: CallerIdentity): Promise<SensorView> {
    return this.sensors.update(caller, r.deviceId, r.sensorId, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.SensorDelete)
  async remove(@Payload() r: SensorRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    await this.sensors.remove(caller, r.deviceId, r.sensorId);
    return { deleted: true };
  }
}
