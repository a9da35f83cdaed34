import { pageOf } from '@suite/contracts/core';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { DeviceHealthView, HealthListQuery, RecordHealthDto } from './health.dto';
import { IotTelemetrySubjects } from './subjects';

export class RecordHealthRequest {
  @IsUUID() deviceId: string;
  @ValidateNested() @Type(() => RecordHealthDto) body: RecordHealthDto;
}
export class HealthListRequest extends HealthListQuery {
  @IsUUID() deviceId: string;
}

/** Health records of a device: reported by the device on the bridge, or recorded here by an operator or an app. */
export const DeviceHealthRecord = operation({
  subject: IotTelemetrySubjects.DeviceHealthRecord,
  request: RecordHealthRequest,
  response: DeviceHealthView,
  permissions: ['devices:update'],
  http: {
    method: 'POST',
    path: 'devices/:deviceId/health',
    body: RecordHealthDto,
    summary: 'Record a health report; status is derived from the metrics when absent',
  },
});

export const DeviceHealthList = operation({
  subject: IotTelemetrySubjects.DeviceHealthList,
  request: HealthListRequest,
  response: pageOf(DeviceHealthView),
  permissions: ['devices:read'],
  http: {
    method: 'GET',
    path: 'devices/:deviceId/health',
    query: HealthListQuery,
    summary: "The device's health records, newest first; filters status, from, to",
  },
});

export const DeviceHealthOperations = [DeviceHealthRecord, DeviceHealthList];
