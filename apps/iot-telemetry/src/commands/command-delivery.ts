import { Injectable } from '@nestjs/common';
import { errors as natsErrors } from '@nats-io/transport-node';
import { CommandMessage, CommandReply, DeviceBridge, MqttTopics } from '@suite/contracts/iot-telemetry';
import { NatsConnectionService } from '@suite/platform';
import { MqttConnection } from '../bridge/mqtt-connection';

/** How a NATS request to the device ended. */
export type NatsOutcome =
  { kind: 'reply'; reply: CommandReply | null } | { kind: 'no-responders' } | { kind: 'timeout' } | { kind: 'error'; reason: string };

/** An MQTT publish that the broker has not accepted after this long is reported as failed (mqtt.js would queue it offline). */
const MQTT_PUBLISH_TIMEOUT_MS = 5000;

/** The two ways to reach a device: NATS request/reply (devices listening on iot.dev.<serial>.commands), or MQTT QoS 1. */
@Injectable()
export class CommandDelivery {
  constructor(
    private readonly nats: NatsConnectionService,
    private readonly mqtt: MqttConnection,
  ) {}

  /** Resolves (never rejects) when the device answered, nobody listens, or timeoutMs passed. */
  async request(serial: string, message: CommandMessage, timeoutMs: number): Promise<NatsOutcome> {
    try {
      const nc = await this.nats.get();
      const answer = await nc.request(DeviceBridge.commands(serial), JSON.stringify(message), { timeout: timeoutMs });
      return { kind: 'reply', reply: readReply(answer.data) };
    } catch (error) {
      if (error instanceof natsErrors.RequestError ? error.isNoResponders() : error instanceof natsErrors.NoRespondersError)
        return { kind: 'no-responders' };
      if (error instanceof natsErrors.TimeoutError) return { kind: 'timeout' };
      return { kind: 'error', reason: `NATS request failed: ${(error as Error).message}` };
    }
  }

  /** Publishes on mash/<serial>/commands with QoS 1; resolves with the reason it could not, or null once the broker has it. */
  async publishMqtt(serial: string, message: CommandMessage): Promise<string | null> {
    if (!this.mqtt.enabled) return 'the device does not listen on NATS and MQTT is not enabled';
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.mqtt.publish(MqttTopics.commands(serial), message, { qos: 1 }),
        new Promise(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`the broker did not accept it within ${MQTT_PUBLISH_TIMEOUT_MS} ms`)),
              MQTT_PUBLISH_TIMEOUT_MS,
            )),
        ),
      ]);
      return null;
    } catch (error) {
      return `MQTT publish failed: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A reply we cannot read is kept as a failure with what the device said, not thrown away. */
export function readReply(data: Uint8Array): CommandReply | null {
  try {
    const value = JSON.parse(Buffer.from(data).toString('utf8')) as CommandReply;
    if (value && (value.status === 'acknowledged' || value.status === 'failed')) return value;
  } catch {
    // fall through
  }
  return null;
}
