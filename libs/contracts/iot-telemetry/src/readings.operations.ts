import { IsUUID } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { DeviceRef } from './devices.dto';
import { LatestReadingView, ReadingQuery, ReadingsView } from './readings.dto';
import { IotTelemetrySubjects } from './subjects';

export class ReadingQueryRequest extends ReadingQuery {
  @IsUUID() deviceId: string;
}

export const ReadingQueryOperation = operation({
  subject: IotTelemetrySubjects.ReadingQuery,
  request: ReadingQueryRequest,
  response: ReadingsView,
  permissions: ['devices:read'],
  http: {
    method: 'GET',
    path: 'devices/:deviceId/readings',
    query: ReadingQuery,
    summary:
      'Readings in [from, to) (default the last 24 h): raw newest first with a cursor, or with bucket=1m|1h|1d min/max/avg/count per sensor per bucket, oldest first',
  },
});

export const ReadingLatest = operation({
  subject: IotTelemetrySubjects.ReadingLatest,
  request: DeviceRef,
  response: [LatestReadingView],
  permissions: ['devices:read'],
  http: {
    method: 'GET',
    path: 'devices/:deviceId/latest',
    summary: 'The latest reading of each active sensor (value null when it has sent none)',
  },
});

export const ReadingOperations = [ReadingQueryOperation, ReadingLatest];
