import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeviceHealthView, HealthListQuery, IotTelemetrySubjects, RecordHealthDto } from '@suite/contracts/iot-telemetry';
import { Caller, CallerIdentity, Page } from '@suite/platform';
import { DeviceHealthService } from './device-health.service';

class RecordHealthRequest {
  @IsUUID() deviceId: string;
  @ValidateNested() @Type(() => RecordHealthDto) body: RecordHealthDto;
}
class HealthListRequest extends HealthListQuery {
  @IsUUID() deviceId: string;
}

@Controller()
export class DeviceHealthNatsController {
  constructor(private readonly health: DeviceHealthService) {}

  @MessagePattern(IotTelemetrySubjects.DeviceHealthRecord)
  record(@Payload() r: RecordHealthRequest, @Caller() caller: CallerIdentity): Promise<DeviceHealthView> {
    return this.health.record(caller, r.deviceId, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.DeviceHealthList)
  list(@Payload() r: HealthListRequest, @Caller() caller: CallerIdentity): Promise<Page<DeviceHealthView>> {
    const { deviceId, ...query } = r;
    return this.health.list(caller, deviceId, query);
  }
}
