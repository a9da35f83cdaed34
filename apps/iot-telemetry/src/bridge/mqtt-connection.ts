import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { connectAsync, IClientPublishOptions, MqttClient } from 'mqtt';
import { IotTelemetryConfig } from '../config';

export type MqttHandler = (topic: string, payload: Buffer) => Promise<void>;

/**
 * The service's one MQTT client (MQTT 5, persistent session): QoS 1 messages published while the service is down are
 * queued by the broker and delivered when it reconnects. A message is acknowledged to the broker only after its handler
 * has resolved (for telemetry: after JetStream stored it), so a crash in between means redelivery, not loss.
 * Subscriptions are shared (`$share/<MQTT_SHARE_GROUP>/...`): with several replicas each message goes to one of them.
 */
@Injectable()
export class MqttConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Mqtt');
  private client?: MqttClient;
  private readonly handlers: { filter: string; handler: MqttHandler }[] = [];

  constructor(private readonly config: IotTelemetryConfig) {}

  get enabled(): boolean {
    return !!this.config.MQTT_URL;
  }

  /** Registers a handler for a topic filter (`mash/+/telemetry`); call before start(). */
  on(filter: string, handler: MqttHandler): void {
    this.handlers.push({ filter, handler });
  }

  async start(): Promise<void> {
    if (!this.enabled || this.client) return;
    this.client = await connectAsync(this.config.MQTT_URL as string, {
      clientId: this.config.MQTT_CLIENT_ID,
      protocolVersion: 5,
      clean: false,
      properties: { sessionExpiryInterval: this.config.MQTT_SESSION_EXPIRY_SECONDS },
      reconnectPeriod: 1000,
      customHandleAcks: (topic, message, _packet, done) => {
        this.dispatch(topic, message).then(
          () => done(0),
          (error) => {
            // 0x80 "unspecified error": the broker keeps the message for the session and resends it on reconnect.
            this.logger.warn({ err: error, topic }, 'MQTT message not handled; left with the broker');
            done(0x80);
          },
        );
      },
    });
    this.client.on('error', (error) => this.logger.warn({ err: error }, 'MQTT error'));
    this.client.on('reconnect', () => this.logger.warn('MQTT reconnecting'));
    if (this.handlers.length) {
      await this.client.subscribeAsync(Object.fromEntries(this.handlers.map((h) => [`$share/${this.config.MQTT_SHARE_GROUP}/${h.filter}`, { qos: 1 as const }])));
    }
  }

  async publish(topic: string, payload: unknown, options: IClientPublishOptions = { qos: 1 }): Promise<void> {
    if (!this.client) throw new Error('MQTT is not connected (MQTT_URL unset?)');
    await this.client.publishAsync(topic, JSON.stringify(payload), options);
  }

  isConnected(): boolean {
    return !this.enabled || !!this.client?.connected;
  }

  private async dispatch(topic: string, payload: Buffer): Promise<void> {
    const match = this.handlers.find((h) => topicMatches(h.filter, topic));
    if (match) await match.handler(topic, payload);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.endAsync().catch(() => undefined);
  }
}

/** MQTT filter matching for the filters this service uses (`+` one level, `#` the rest). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

/** The serial in `mash/<serial>/...`. */
export const serialOfTopic = (topic: string): string => topic.split('/')[1] ?? '';
