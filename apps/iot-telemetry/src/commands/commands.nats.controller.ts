import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CommandListQuery, CommandView, IotTelemetrySubjects, SendCommandDto } from '@suite/contracts/iot-telemetry';
import { Caller, CallerIdentity, Page } from '@suite/platform';
import { CommandsService } from './commands.service';

class SendCommandRequest {
  @IsUUID() deviceId: string;
  @ValidateNested() @Type(() => SendCommandDto) body: SendCommandDto;
}
class CommandListRequest extends CommandListQuery {
  @IsUUID() deviceId: string;
}

@Controller()
export class CommandsNatsController {
  constructor(private readonly commands: CommandsService) {}

  @MessagePattern(IotTelemetrySubjects.CommandSend)
  send(@Payload() r: SendCommandRequest, @Caller() caller: CallerIdentity): Promise<CommandView> {
    return this.commands.send(caller, r.deviceId, r.body);
  }

  @MessagePattern(IotTelemetrySubjects.CommandList)
  list(@Payload() r: CommandListRequest, @Caller() caller: CallerIdentity): Promise<Page<CommandView>> {
    const { deviceId, ...query } = r;
    return this.commands.list(caller, deviceId, query);
  }
}
