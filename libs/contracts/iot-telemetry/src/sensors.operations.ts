import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import type { DeletedView } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { CreateSensorDto, DeviceRef, SensorRef, SensorView, UpdateSensorDto } from './devices.dto';
import { IotTelemetrySubjects } from './subjects';

export class CreateSensorRequest extends DeviceRef {
  @ValidateNested() @Type(() => CreateSensorDto) body: CreateSensorDto;
}
export class UpdateSensorRequest extends SensorRef {
  @ValidateNested() @Type(() => UpdateSensorDto) body: UpdateSensorDto;
}

/** A device's sensors: changing them changes the device's configuration, hence devices:update. */
export const SensorList = operation({
  subject: IotTelemetrySubjects.SensorList,
  request: DeviceRef,
  response: [SensorView],
  permissions: ['devices:read'],
  http: { method: 'GET', path: 'devices/:deviceId/sensors' },
});

export const SensorCreate = operation({
  subject: IotTelemetrySubjects.SensorCreate,
  request: CreateSensorRequest,
  response: SensorView,
  permissions: ['devices:update'],
  http: {
    method: 'POST',
    path: 'devices/:deviceId/sensors',
    body: CreateSensorDto,
    summary: 'Add a sensor (name unique on the device, minValue <= maxValue)',
  },
});

export const SensorUpdate = operation({
  subject: IotTelemetrySubjects.SensorUpdate,
  request: UpdateSensorRequest,
  response: SensorView,
  permissions: ['devices:update'],
  http: { method: 'PATCH', path: 'devices/:deviceId/sensors/:sensorId', body: UpdateSensorDto },
});

export const SensorDelete = operation<SensorRef, undefined, DeletedView>({
  subject: IotTelemetrySubjects.SensorDelete,
  request: SensorRef,
  permissions: ['devices:update'],
  http: {
    method: 'DELETE',
    path: 'devices/:deviceId/sensors/:sensorId',
    status: 204,
    summary: 'Remove the sensor with its readings and thresholds',
  },
});

export const SensorOperations = [SensorList, SensorCreate, SensorUpdate, SensorDelete];
