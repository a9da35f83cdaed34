import { pageOf } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { IotTelemetrySubjects } from './subjects';
import { SensorAlertListQuery, SensorAlertView } from './thresholds.dto';

export const SensorAlertList = operation({
  subject: IotTelemetrySubjects.SensorAlertList,
  request: SensorAlertListQuery,
  response: pageOf(SensorAlertView),
  permissions: ['alerts:read'],
  http: {
    method: 'GET',
    path: 'sensor-alerts',
    query: SensorAlertListQuery,
    summary: "Threshold alerts of the caller's devices (all for admins), newest first; cursor pagination",
  },
});

export const SensorAlertOperations = [SensorAlertList];
