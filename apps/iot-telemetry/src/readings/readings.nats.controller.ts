import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsUUID } from 'class-validator';
import { DeviceRef, IotTelemetrySubjects, LatestReadingView, ReadingQuery, ReadingsView } from '@suite/contracts/iot-telemetry';
import { Caller, CallerIdentity } from '@suite/platform';
import { ReadingsService } from './readings.service';

class ReadingQueryRequest extends ReadingQuery {
  @IsUUID() deviceId: string;
}

@Controller()
export class ReadingsNatsController {
  constructor(private readonly readings: ReadingsService) {}

  @MessagePattern(IotTelemetrySubjects.ReadingQuery)
  query(@Payload() r: ReadingQueryRequest, @Caller() caller: CallerIdentity): Promise<ReadingsView> {
    const { deviceId, ...query } = r;
    return this.readings.query(caller, deviceId, query);
  }

  @MessagePattern(IotTelemetrySubjects.ReadingLatest)
  latest(@Payload() r: DeviceRef, @Caller() caller: CallerIdentity): Promise<LatestReadingView[]> {
    return this.readings.latest(caller, r.deviceId);
  }
}
