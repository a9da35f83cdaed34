import { Controller } from '@nestjs/common';
import { DeviceRef, ReadingLatest, ReadingQueryOperation, ReadingQueryRequest } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, Handles } from '@suite/platform';
import { ReadingsService } from './readings.service';

@Controller()
export class ReadingsNatsController {
  constructor(private readonly readings: ReadingsService) {}

  @Handles(ReadingQueryOperation)
  query(r: ReadingQueryRequest, caller: CallerIdentity) {
    const { deviceId, ...query } = r;
    return this.readings.query(caller, deviceId, query);
  }

  @Handles(ReadingLatest)
  latest(r: DeviceRef, caller: CallerIdentity) {
    return this.readings.latest(caller, r.deviceId);
  }
}
