import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import type { DeletedView } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { IotTelemetrySubjects } from './subjects';
import { CreateThresholdDto, ThresholdRef, ThresholdSensorRef, ThresholdView, UpdateThresholdDto } from './thresholds.dto';

export class CreateThresholdRequest extends ThresholdSensorRef {
  @ValidateNested() @Type(() => CreateThresholdDto) body: CreateThresholdDto;
}
export class UpdateThresholdRequest extends ThresholdRef {
  @ValidateNested() @Type(() => UpdateThresholdDto) body: UpdateThresholdDto;
}

/** Per-sensor alert rules, evaluated as readings arrive; a sensor on another grower's device is 404. */
export const ThresholdList = operation({
  subject: IotTelemetrySubjects.ThresholdList,
  request: ThresholdSensorRef,
  response: [ThresholdView],
  permissions: ['devices:read'],
  http: { method: 'GET', path: 'sensors/:sensorId/thresholds' },
});

export const ThresholdCreate = operation({
  subject: IotTelemetrySubjects.ThresholdCreate,
  request: CreateThresholdRequest,
  response: ThresholdView,
  permissions: ['devices:update'],
  http: {
    method: 'POST',
    path: 'sensors/:sensorId/thresholds',
    body: CreateThresholdDto,
    summary: 'e.g. ABOVE 28 for 300 s with hysteresis 0.5: alert once held 5 minutes, cleared below 27.5',
  },
});

export const ThresholdUpdate = operation({
  subject: IotTelemetrySubjects.ThresholdUpdate,
  request: UpdateThresholdRequest,
  response: ThresholdView,
  permissions: ['devices:update'],
  http: { method: 'PATCH', path: 'sensors/:sensorId/thresholds/:thresholdId', body: UpdateThresholdDto },
});

export const ThresholdDelete = operation<ThresholdRef, undefined, DeletedView>({
  subject: IotTelemetrySubjects.ThresholdDelete,
  request: ThresholdRef,
  permissions: ['devices:update'],
  http: {
    method: 'DELETE',
    path: 'sensors/:sensorId/thresholds/:thresholdId',
    status: 204,
    summary: 'Remove the rule; alerts it raised are kept',
  },
});

export const ThresholdOperations = [ThresholdList, ThresholdCreate, ThresholdUpdate, ThresholdDelete];
