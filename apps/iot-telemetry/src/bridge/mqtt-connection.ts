import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { connectAsync, IClientPublishOptions, MqttClient } from 'mqtt';
import { IotTelemetryConfig } from '../config';

export type MqttHandler = (topic: string, payload: Buffer) => Promise<void>;

/**
 * The service's MQTT clients (MQTT 5, persistent sessions): QoS 1 messages published while the service is down are
 * queued by the broker and delivered when it reconnects. A message is acknowledged to the broker only after its handler
 * has resolved (for telemetry: after JetStream stored it), so a crash in between means redelivery, not loss.
 *
 * mqtt.js hands a client's incoming messages over one at a time (the next only after the previous one's ack), so one
 * client forwards at most 1 / (JetStream round trip) messages a second. MQTT_CONNECTIONS clients, `<MQTT_CLIENT_ID>-<n>`,
 * subscribe as one shared-subscription group (`$share/<MQTT_SHARE_GROUP>/...`) and the broker spreads messages over
 * them; replicas join the same group with their own MQTT_CLIENT_ID.
 */
@Injectable()
export class MqttConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Mqtt');
  private clients: MqttClient[] = [];
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
    if (!this.enabled || this.clients.length) return;
    const ids = Array.from({ length: this.config.MQTT_CONNECTIONS }, (_, n) => `${this.config.MQTT_CLIENT_ID}-${n}`);
    const clients = await Promise.allSettled(ids.map((id) => this.connect(id)));
    const failed = clients.find((c): c is PromiseRejectedResult => c.status === 'rejected');
    if (failed) {
      // All or none: the caller retries start() as a whole.
      await Promise.all(clients.map((c) => (c.status === 'fulfilled' ? c.value.endAsync().catch(() => undefined) : undefined)));
      throw failed.reason;
    }
    this.clients = clients.map((c) => (c as PromiseFulfilledResult<MqttClient>).value);
  }

  private async connect(clientId: string): Promise<MqttClient> {
    const client = await connectAsync(this.config.MQTT_URL as string, {
      clientId,
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
    client.on('error', (error) => this.logger.warn({ err: error, clientId }, 'MQTT error'));
    client.on('reconnect', () => this.logger.warn({ clientId }, 'MQTT reconnecting'));
    if (this.handlers.length) {
      await client.subscribeAsync(
        Object.fromEntries(this.handlers.map((h) => [`$share/${this.config.MQTT_SHARE_GROUP}/${h.filter}`, { qos: 1 as const }])),
      );
    }
    return client;
  }

  /** Publishes on the first connected client (commands to devices). */
  async publish(topic: string, payload: unknown, options: IClientPublishOptions = { qos: 1 }): Promise<void> {
    const client = this.clients.find((c) => c.connected) ?? this.clients[0];
    if (!client) throw new Error('MQTT is not connected (MQTT_URL unset?)');
    await client.publishAsync(topic, JSON.stringify(payload), options);
  }

  private async dispatch(topic: string, payload: Buffer): Promise<void> {
    const match = this.handlers.find((h) => topicMatches(h.filter, topic));
    if (match) await match.handler(topic, payload);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.endAsync().catch(() => undefined)));
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
