import { Injectable, Logger } from '@nestjs/common';
import {
  CommandListQuery,
  CommandMessage,
  CommandView,
  DEFAULT_COMMAND_TIMEOUT_SECONDS,
  SendCommandDto,
} from '@suite/contracts/iot-telemetry';
import { Prisma } from '@suite/db/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { CallerIdentity, InjectDb, Page, pageLimit, readTimeCursor, timeKeyOf, toPage } from '@suite/platform';
import { DeviceAccess } from '../devices/device-access';
import { CommandDelivery, NatsOutcome } from './command-delivery';
import { toCommandView } from './command-view';

/** The HTTP answer waits at most this long for a NATS device; after that the command is 'sent' and settles later. */
const MAX_WAIT_SECONDS = 5;

type CommandUpdate = Pick<Prisma.DeviceCommandUpdateManyMutationInput, 'status' | 'response' | 'transport' | 'acknowledgedAt'>;

/**
 * pending -> sent -> acknowledged, or failed, or timeout. Every transition is a conditional update on the current status,
 * so whichever comes first (the device's answer, an MQTT ack, the watchdog's timeout) wins and the others change nothing.
 */
@Injectable()
export class CommandsService {
  private readonly logger = new Logger('Commands');

  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly access: DeviceAccess,
    private readonly delivery: CommandDelivery,
  ) {}

  async send(caller: CallerIdentity, deviceId: string, dto: SendCommandDto): Promise<CommandView> {
    const device = await this.access.find(deviceId, caller);
    const timeoutSeconds = dto.timeoutSeconds ?? DEFAULT_COMMAND_TIMEOUT_SECONDS;
    const row = await this.db.deviceCommand.create({
      data: {
        deviceId,
        command: dto.command,
        parameters: (dto.parameters as Prisma.InputJsonValue | undefined) ?? Prisma.DbNull,
        status: 'pending',
        requestedBy: caller.userId ?? null,
        timeoutSeconds,
      },
    });
    const message: CommandMessage = { commandId: row.id, command: row.command, parameters: dto.parameters ?? null };
    await this.deliver(device.serialNumber, row.id, message, timeoutSeconds);
    return toCommandView(await this.db.deviceCommand.findUniqueOrThrow({ where: { id: row.id } }));
  }

  async list(caller: CallerIdentity, deviceId: string, query: CommandListQuery): Promise<Page<CommandView>> {
    await this.access.find(deviceId, caller);
    const limit = pageLimit(query);
    const after = readTimeCursor(query.cursor);
    const where: Prisma.DeviceCommandWhereInput = {
      AND: [
        { deviceId },
        query.status ? { status: query.status } : {},
        after ? { OR: [{ sentAt: { lt: after.at } }, { sentAt: after.at, id: { lt: after.id } }] } : {},
      ],
    };
    const rows = await this.db.deviceCommand.findMany({ where, orderBy: [{ sentAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toCommandView), limit, (c) => timeKeyOf(c.sentAt, c.id));
  }

  /**
   * Asks over NATS for the command's whole timeout, but answers the caller after at most MAX_WAIT_SECONDS: a device that
   * replies later is still recorded (by this process; if it stops meanwhile, the watchdog times the command out).
   */
  private async deliver(serial: string, id: string, message: CommandMessage, timeoutSeconds: number): Promise<void> {
    const outcome = this.delivery.request(serial, message, timeoutSeconds * 1000);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waiting'>(
      (resolve) => (timer = setTimeout(() => resolve('waiting'), Math.min(timeoutSeconds, MAX_WAIT_SECONDS) * 1000)),
    );
    const first = await Promise.race([outcome, waited]);
    clearTimeout(timer);
    if (first !== 'waiting') return this.settle(serial, id, message, first);
    await this.transition(id, ['pending'], { status: 'sent', transport: 'nats' });
    void outcome
      .then((late) => this.settle(serial, id, message, late))
      .catch((error) => this.logger.warn({ err: error, commandId: id }, 'late command answer not recorded'));
  }

  private async settle(serial: string, id: string, message: CommandMessage, outcome: NatsOutcome): Promise<void> {
    switch (outcome.kind) {
      case 'reply': {
        const reply = outcome.reply;
        if (!reply)
          return this.transition(id, ['pending', 'sent'], {
            status: 'failed',
            transport: 'nats',
            response: { error: 'the device answered something that is not a command reply' },
          });
        const response = (reply.response ?? Prisma.DbNull) as Prisma.InputJsonValue;
        if (reply.status === 'acknowledged')
          return this.transition(id, ['pending', 'sent'], {
            status: 'acknowledged',
            transport: 'nats',
            response,
            acknowledgedAt: new Date(),
          });
        return this.transition(id, ['pending', 'sent'], { status: 'failed', transport: 'nats', response });
      }
      case 'no-responders': {
        const failure = await this.delivery.publishMqtt(serial, message);
        if (failure) return this.transition(id, ['pending'], { status: 'failed', transport: 'mqtt', response: { error: failure } });
        return this.transition(id, ['pending'], { status: 'sent', transport: 'mqtt' });
      }
      case 'timeout':
        return this.transition(id, ['pending', 'sent'], { status: 'timeout', transport: 'nats' });
      case 'error':
        return this.transition(id, ['pending', 'sent'], { status: 'failed', transport: 'nats', response: { error: outcome.reason } });
    }
  }

  private async transition(id: string, from: string[], data: CommandUpdate): Promise<void> {
    await this.db.deviceCommand.updateMany({ where: { id, status: { in: from } }, data });
  }
}
