import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectAsync, MqttClient } from 'mqtt';
import { MqttTopics } from '@suite/contracts/iot-telemetry';
import { Throughput } from '../lib/measure';
import { BenchDevice, message, Publisher, SENSORS } from './fleet';

/** Load-generator MQTT connections: a real fleet has one per device; 200 would measure the load generator, not the bridge. */
const PUBLISHER_CONNECTIONS = 8;

export interface MqttPublisher extends Publisher {
  close(): Promise<void>;
}

/** The fleet publishing QoS 1 over MQTT, spread over a few connections; flush() waits for every PUBACK. */
export async function mqttPublisher(
  url: string,
  topic: (device: BenchDevice) => string = (d) => MqttTopics.telemetry(d.serial),
): Promise<MqttPublisher> {
  const clients = await Promise.all(
    Array.from({ length: PUBLISHER_CONNECTIONS }, () =>
      connectAsync(url, { clientId: `bench-devices-${randomUUID()}`, reconnectPeriod: 0 }),
    ),
  );
  let unacked = 0;
  let failure: Error | undefined;
  const idle: (() => void)[] = [];
  return {
    send(device, payload) {
      unacked++;
      clients[device.index % clients.length].publish(topic(device), payload, { qos: 1 }, (error) => {
        if (error) failure ??= error;
        if (--unacked === 0) idle.splice(0).forEach((resolve) => resolve());
      });
    },
    async flush() {
      if (unacked > 0) await new Promise<void>((resolve) => idle.push(resolve));
      if (failure) throw failure;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.endAsync()));
    },
  };
}

/** At most this many messages published but not yet received: keeps the raw run inside the broker's default queue (1,000). */
const RAW_WINDOW = 200;

/**
 * Raw MQTT: the same messages through the same broker to one plain QoS 1 subscriber (on a topic the bridge does not
 * take), as fast as the window lets them go. What the broker and mqtt.js do with no JetStream or database behind them.
 */
export async function rawMqtt(url: string, fleet: BenchDevice[], messages: number): Promise<Throughput[]> {
  const prefix = `bench-raw-${randomUUID()}`;
  const subscriber: MqttClient = await connectAsync(url, { clientId: `${prefix}-sub`, reconnectPeriod: 0 });
  const publisher = await mqttPublisher(url, (d) => `${prefix}/${d.serial}`);
  try {
    let received = 0;
    let lastAt = 0;
    subscriber.on('message', () => {
      received++;
      lastAt = Date.now();
    });
    await subscriber.subscribeAsync(`${prefix}/+`, { qos: 1 });
    const started = Date.now();
    for (let sent = 0; sent < messages; sent++) {
      while (sent - received >= RAW_WINDOW) await sleep(1);
      const device = fleet[sent % fleet.length];
      publisher.send(device, message(device, Date.now()));
    }
    await publisher.flush();
    while (received < messages && Date.now() - lastAt < 3000) await sleep(5);
    const seconds = (lastAt - started) / 1000;
    const note = received < messages ? `(${received}/${messages} received)` : undefined;
    return [
      { name: 'raw MQTT QoS 1, publish -> one subscriber', perSecond: received / seconds, unit: 'msgs/s', note },
      { name: 'raw MQTT QoS 1, publish -> one subscriber', perSecond: (received * SENSORS.length) / seconds, unit: 'readings/s', note },
    ];
  } finally {
    await publisher.close();
    await subscriber.endAsync();
  }
}
