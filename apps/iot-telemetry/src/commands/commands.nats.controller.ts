import { Controller } from '@nestjs/common';
import { CommandList, CommandListRequest, CommandSend, SendCommandRequest } from '@suite/contracts/iot-telemetry';
import { CallerIdentity, Handles } from '@suite/platform';
import { CommandsService } from './commands.service';

@Controller()
export class CommandsNatsController {
  constructor(private readonly commands: CommandsService) {}

  @Handles(CommandSend)
  send(r: SendCommandRequest, caller: CallerIdentity) {
    return this.commands.send(caller, r.deviceId, r.body);
  }

  @Handles(CommandList)
  list(r: CommandListRequest, caller: CallerIdentity) {
    const { deviceId, ...query } = r;
    return this.commands.list(caller, deviceId, query);
  }
}
