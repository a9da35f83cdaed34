import { connect } from '@nats-io/transport-node';
import { connectAsync } from 'mqtt';
import { DeviceBridge, MqttTopics } from '@suite/contracts/iot-telemetry';

/** Where the simulated devices publish: the same subjects/topics and JSON a real device uses. */
export interface Transport {
  telemetry(serial: string, payload: string): void;
  health(serial: string, payload: string): void;
  /** Messages the broker has not confirmed yet (MQTT QoS 1); the simulator stops pacing ahead of them. */
  pending(): number;
  close(): Promise<void>;
}

export async function openTransport(kind: 'nats' | 'mqtt'): Promise<Transport> {
  if (kind === 'nats') {
    const nc = await connect({ servers: (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','), name: 'device-simulator' });
    return {
      // Core publish, like a small device would: the IOT_TELEMETRY stream captures the subject on the server side.
      telemetry: (serial, payload) => nc.publish(DeviceBridge.telemetry(serial), payload),
      health: (serial, payload) => nc.publish(DeviceBridge.health(serial), payload),
      pending: () => 0,
      close: () => nc.drain(),
    };
  }
  const client = await connectAsync(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883', {
    clientId: `device-simulator-${process.pid}`,
    clean: true,
    protocolVersion: 5,
  });
  let inFlight = 0;
  const publish = (topic: string, payload: string) => {
    inFlight++;
    client.publish(topic, payload, { qos: 1 }, (error) => {
      inFlight--;
      if (error) console.error(`[sim] MQTT publish to ${topic} failed: ${error.message}`);
    });
  };
  return {
    telemetry: (serial, payload) => publish(MqttTopics.telemetry(serial), payload),
    health: (serial, payload) => publish(MqttTopics.health(serial), payload),
    pending: () => inFlight,
    close: () => client.endAsync(),
  };
}
