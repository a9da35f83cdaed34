import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { BRIDGE_NAME, DeviceBridge, MqttTopics } from '@suite/contracts/iot-telemetry';
import { JetStreamService } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { DeadLetters } from '../ingest/dead-letter';
import { MqttConnection, serialOfTopic } from './mqtt-connection';
import { deadLetterStream, telemetryStream } from './streams';

/**
 * The MQTT half of the bridge: readings and health reports from Mosquitto are copied, byte for byte, into the same
 * JetStream subjects NATS devices publish to, and acknowledged to the broker only once JetStream has stored them.
 * From there one pipeline handles both transports.
 */
@Injectable()
export class MqttForwarder implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('MqttForwarder');

  constructor(
    private readonly config: IotTelemetryConfig,
    private readonly mqtt: MqttConnection,
    private readonly js: JetStreamService,
    private readonly deadLetters: DeadLetters,
  ) {}

  onModuleInit(): void {
    this.mqtt.on(MqttTopics.telemetryWildcard, (topic, payload) => this.forward(topic, payload, DeviceBridge.telemetry));
    this.mqtt.on(MqttTopics.healthWildcard, (topic, payload) => this.forward(topic, payload, DeviceBridge.health));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.js.ensureStream(deadLetterStream);
    await this.js.ensureStream(telemetryStream(this.config.TELEMETRY_STREAM_RETENTION_HOURS));
    if (!this.mqtt.enabled) {
      this.logger.warn('MQTT_URL is empty: devices can use NATS only');
      return;
    }
    void this.connect();
  }

  /** The broker may be down at start: keep trying in the background rather than refuse to serve NATS devices. */
  private async connect(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.mqtt.start();
        this.logger.log('MQTT bridge connected');
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 30 === 0) this.logger.warn({ err: error }, 'MQTT broker unreachable; retrying');
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }

  private async forward(topic: string, payload: Buffer, subjectFor: (serial: string) => string): Promise<void> {
    const serial = serialOfTopic(topic);
    // The serial becomes a NATS subject token: only what registration accepts (no dots, wildcards or spaces).
    if (!BRIDGE_NAME.test(serial)) {
      await this.deadLetters.send(topic, 'serial in the topic is not a valid serial number', { topic });
      return;
    }
    const js = await this.js.client();
    await js.publish(subjectFor(serial), payload);
  }
}
