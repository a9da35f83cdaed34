import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CommandAck, MqttTopics } from '@suite/contracts/iot-telemetry';
import { Prisma } from '@suite/db/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { InjectDb } from '@suite/platform';
import { MqttConnection, serialOfTopic } from '../bridge/mqtt-connection';
import { credentialMatches } from '../devices/credential';
import { DeviceDirectory } from '../ingest/device-directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Answers of MQTT devices (mash/<serial>/commands/ack, CommandAck with the device's token). Anything wrong (unreadable,
 * bad token, another device's command, a command already settled) is logged and dropped: the handler resolves, so the
 * broker does not redeliver a message that can never succeed.
 */
@Injectable()
export class CommandAcks implements OnModuleInit {
  private readonly logger = new Logger('CommandAcks');

  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly mqtt: MqttConnection,
    private readonly directory: DeviceDirectory,
  ) {}

  /** Before the bridge calls mqtt.start() on bootstrap: handlers are subscribed when the connection starts. */
  onModuleInit(): void {
    this.mqtt.on(MqttTopics.commandAckWildcard, (topic, payload) => this.handle(topic, payload));
  }

  async handle(topic: string, payload: Buffer): Promise<void> {
    const serial = serialOfTopic(topic);
    let ack: CommandAck;
    try {
      ack = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.logger.warn({ serial }, 'command ack is not JSON; ignored');
    }
    if (
      !ack ||
      typeof ack !== 'object' ||
      typeof ack.commandId !== 'string' ||
      !UUID.test(ack.commandId) ||
      (ack.status !== 'acknowledged' && ack.status !== 'failed')
    ) {
      return this.logger.warn({ serial }, 'command ack without a command id or status; ignored');
    }
    const device = await this.directory.lookup(serial);
    if (!device || !credentialMatches(ack.token, device.credentialHash)) {
      return this.logger.warn({ serial, commandId: ack.commandId }, 'command ack with an unknown device or a bad token; ignored');
    }
    const response = (ack.response ?? Prisma.DbNull) as Prisma.InputJsonValue;
    // Only this device's command, and only while it is still open: a late or repeated ack changes nothing.
    const { count } = await this.db.deviceCommand.updateMany({
      where: { id: ack.commandId, deviceId: device.id, status: { in: ['pending', 'sent'] } },
      data:
        ack.status === 'acknowledged'
          ? { status: 'acknowledged', response, acknowledgedAt: new Date() }
          : { status: 'failed', response, acknowledgedAt: new Date() },
    });
    if (count === 0) this.logger.warn({ serial, commandId: ack.commandId }, 'command ack for no open command of this device; ignored');
  }
}
