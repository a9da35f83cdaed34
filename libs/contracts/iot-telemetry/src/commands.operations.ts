import { pageOf } from '@suite/contracts/core';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { CommandListQuery, CommandView, SendCommandDto } from './commands.dto';
import { IotTelemetrySubjects } from './subjects';

/** The service waits up to 5 s for a NATS device before answering 'sent': leave room above that. */
export const COMMAND_SEND_TIMEOUT_MS = 10_000;

export class SendCommandRequest {
  @IsUUID() deviceId: string;
  @ValidateNested() @Type(() => SendCommandDto) body: SendCommandDto;
}
export class CommandListRequest extends CommandListQuery {
  @IsUUID() deviceId: string;
}

/** Commands to a device (RESTART, UPDATE_CONFIG, ...); another grower's device is 404. */
export const CommandSend = operation({
  subject: IotTelemetrySubjects.CommandSend,
  request: SendCommandRequest,
  response: CommandView,
  permissions: ['devices:execute'],
  http: {
    method: 'POST',
    path: 'devices/:deviceId/commands',
    body: SendCommandDto,
    timeoutMs: COMMAND_SEND_TIMEOUT_MS,
    summary:
      'Send a command over NATS (or MQTT when the device is not on NATS); answers its state: acknowledged, failed, or sent (settles later)',
  },
});

export const CommandList = operation({
  subject: IotTelemetrySubjects.CommandList,
  request: CommandListRequest,
  response: pageOf(CommandView),
  permissions: ['devices:read'],
  http: {
    method: 'GET',
    path: 'devices/:deviceId/commands',
    query: CommandListQuery,
    summary: "The device's commands, newest first; filter status",
  },
});

export const CommandOperations = [CommandSend, CommandList];
