import { DeletedView, pageOf } from '@suite/contracts/core';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import {
  CreateDeviceDto,
  DeviceCredentialView,
  DeviceListQuery,
  DeviceRef,
  DeviceView,
  DeviceWithSensorsView,
  RegisteredDeviceView,
  UpdateDeviceDto,
} from './devices.dto';
import { IotTelemetrySubjects } from './subjects';

export class CreateDeviceRequest {
  @ValidateNested() @Type(() => CreateDeviceDto) body: CreateDeviceDto;
}
export class UpdateDeviceRequest extends DeviceRef {
  @ValidateNested() @Type(() => UpdateDeviceDto) body: UpdateDeviceDto;
}

/** A grower's devices; ownership is decided by iot-telemetry (another grower's device is 404, admins see all). */
export const DeviceCreate = operation({
  subject: IotTelemetrySubjects.DeviceCreate,
  request: CreateDeviceRequest,
  response: RegisteredDeviceView,
  permissions: ['devices:create'],
  http: {
    method: 'POST',
    path: 'devices',
    body: CreateDeviceDto,
    summary: 'Register a device and its sensors; the bridge credential is in this answer only',
  },
});

export const DeviceList = operation({
  subject: IotTelemetrySubjects.DeviceList,
  request: DeviceListQuery,
  response: pageOf(DeviceView),
  permissions: ['devices:read'],
  http: {
    method: 'GET',
    path: 'devices',
    query: DeviceListQuery,
    summary: "The caller's devices (every device for admins), newest first; cursor pagination",
  },
});

export const DeviceGet = operation({
  subject: IotTelemetrySubjects.DeviceGet,
  request: DeviceRef,
  response: DeviceWithSensorsView,
  permissions: ['devices:read'],
  http: { method: 'GET', path: 'devices/:deviceId' },
});

export const DeviceUpdate = operation({
  subject: IotTelemetrySubjects.DeviceUpdate,
  request: UpdateDeviceRequest,
  response: DeviceWithSensorsView,
  permissions: ['devices:update'],
  http: {
    method: 'PATCH',
    path: 'devices/:deviceId',
    body: UpdateDeviceDto,
    summary: 'Change the device; status may only be set to MAINTENANCE or back to OFFLINE',
  },
});

export const DeviceDelete = operation<DeviceRef, undefined, DeletedView>({
  subject: IotTelemetrySubjects.DeviceDelete,
  request: DeviceRef,
  permissions: ['devices:delete'],
  http: {
    method: 'DELETE',
    path: 'devices/:deviceId',
    status: 204,
    summary: 'Delete the device with its sensors, readings, commands, health records, thresholds and alerts',
  },
});

export const DeviceCredentialRotate = operation({
  subject: IotTelemetrySubjects.DeviceCredentialRotate,
  request: DeviceRef,
  response: DeviceCredentialView,
  permissions: ['devices:update'],
  http: {
    method: 'POST',
    path: 'devices/:deviceId/credential',
    summary: 'Issue a new bridge credential (shown once); the previous one stops working at once',
  },
});

export const DeviceOperations = [DeviceCreate, DeviceList, DeviceGet, DeviceUpdate, DeviceDelete, DeviceCredentialRotate];
