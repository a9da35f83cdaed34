import { Controller } from '@nestjs/common';
import {
  CreateDeviceRequest,
  DeviceCreate,
  DeviceCredentialRotate,
  DeviceDelete,
  DeviceGet,
  DeviceList,
  DeviceListQuery,
  DeviceRef,
  DeviceUpdate,
  UpdateDeviceRequest,
} from '@suite/contracts/iot-telemetry';
import { CallerIdentity, Handles } from '@suite/platform';
import { DevicesService } from './devices.service';

@Controller()
export class DevicesNatsController {
  constructor(private readonly devices: DevicesService) {}

  @Handles(DeviceCreate)
  create(r: CreateDeviceRequest, caller: CallerIdentity) {
    return this.devices.create(caller, r.body);
  }

  @Handles(DeviceList)
  list(query: DeviceListQuery, caller: CallerIdentity) {
    return this.devices.list(caller, query);
  }

  @Handles(DeviceGet)
  get(r: DeviceRef, caller: CallerIdentity) {
    return this.devices.get(caller, r.deviceId);
  }

  @Handles(DeviceUpdate)
  update(r: UpdateDeviceRequest, caller: CallerIdentity) {
    return this.devices.update(caller, r.deviceId, r.body);
  }

  @Handles(DeviceDelete)
  async remove(r: DeviceRef, caller: CallerIdentity) {
    await this.devices.remove(caller, r.deviceId);
    return { deleted: true as const };
  }

  @Handles(DeviceCredentialRotate)
  rotate(r: DeviceRef, caller: CallerIdentity) {
    return this.devices.rotateCredential(caller, r.deviceId);
  }
}
