import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import {
  CreateDeviceDto,
  DeviceCredentialView,
  DeviceListQuery,
  DeviceRef,
  DeviceView,
  DeviceWithSensorsView,
  IotTelemetrySubjects,
  RegisteredDeviceView,
  UpdateDeviceDto,
} from '@suite/contracts/iot-telemetry';
import { Caller, CallerIdentity, Page } from '@suite/platform';
import { DevicesService } from './devices.service';

class CreateDeviceRequest {
  @ValidateNested() @Type(() => CreateDeviceDto) body: CreateDeviceDto;
}
class UpdateDeviceRequest extends DeviceRef {
  @ValidateNested() @Type(() => UpdateDeviceDto) body: UpdateDeviceDto;
}

@Controller()
export class DevicesNatsController {
  constructor(private readonly devices: DevicesService) {}

  @MessagePattern(IotTelemetrySubjects.DeviceCreate)
  create(@Payload() r: CreateDeviceRequest, @Caller() caller: CallerIdentity): Promise<RegisteredDeviceView> {
    return this.devices.create(caller, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.DeviceList)
  list(@Payload() query: DeviceListQuery, @Caller() caller: CallerIdentity): Promise<Page<DeviceView>> {
    return this.devices.list(caller, query);
  }

  @MessagePattern(IotTelemetrySubjects.DeviceGet)
  get(@Payload() r: DeviceRef, @Caller() caller: CallerIdentity): Promise<DeviceWithSensorsView> {
    return this.devices.get(caller, r.deviceId);
  }

  @MessagePattern(IotTelemetrySubjects.DeviceUpdate)
  update(@Payload() r: UpdateDeviceRequest, @Caller() caller: CallerIdentity): Promise<DeviceWithSensorsView> {
    return this.devices.update(caller, r.deviceId, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.DeviceDelete)
  async remove(@Payload() r: DeviceRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    await this.devices.remove(caller, r.deviceId);
    return { deleted: true };
  }

  @MessagePattern(IotTelemetrySubjects.DeviceCredentialRotate)
  rotate(@Payload() r: DeviceRef, @Caller() caller: CallerIdentity): Promise<DeviceCredentialView> {
    return this.devices.rotateCredential(caller, r.deviceId);
  }
}
