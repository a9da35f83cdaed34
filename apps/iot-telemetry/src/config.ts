import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PlatformConfig } from '@suite/platform';

export class IotTelemetryConfig extends PlatformConfig {
  /** The MQTT broker devices publish to (Mosquitto). Empty: the MQTT half of the bridge is off (NATS only). */
  @IsOptional()
  @IsString()
  @Matches(/^(mqtts?|wss?|tcp):\/\/\S+$/, { message: 'MQTT_URL must be mqtt://host:port' })
  MQTT_URL?: string = 'mqtt://127.0.0.1:1883';

  /**
   * The bridge's MQTT client id (its clients are `<id>-0`, `<id>-1`, ...): their persistent sessions keep QoS 1 messages
   * queued at the broker while the service is down. One per replica, stable across restarts.
   */
  @IsString()
  MQTT_CLIENT_ID: string = 'suite-iot-telemetry';

  /**
   * MQTT clients in the bridge: each forwards one message per JetStream round trip, so more clients forward more at once
   * (bench, 2 cores: 4 clients kept up with 2,000 messages/s but not 4,000; 16 stored all of 4,000/s).
   */
  @IsInt()
  @Min(1)
  @Max(32)
  MQTT_CONNECTIONS: number = 16;

  /**
   * Replicas subscribe as one MQTT shared-subscription group, so each message reaches one of them. Stacks sharing a broker
   * (tests, several environments) need different groups, or they take each other's messages.
   */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'MQTT_SHARE_GROUP must be letters, digits, _ or -' })
  MQTT_SHARE_GROUP: string = 'iot-telemetry';

  /** How long the broker keeps the bridge's session (and queues its QoS 1 messages) while the service is away. */
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 3600)
  MQTT_SESSION_EXPIRY_SECONDS: number = 3 * 24 * 3600;

  /** The batch writer flushes when this many readings are waiting... */
  @IsInt()
  @Min(1)
  @Max(50000)
  INGEST_BATCH_SIZE: number = 2000;

  /**
   * ...or when the oldest waiting reading is this old. The wait is most of a reading's way to an alert; 20 ms keeps the
   * alert p99 under 100 ms at 10,000 readings/s and costs no throughput (batches fill by size above ~50,000/s).
   */
  @IsInt()
  @Min(1)
  @Max(5000)
  INGEST_FLUSH_MS: number = 20;

  /** How often the device watchdog looks for silent devices (OFFLINE) and commands past their timeout. */
  @IsInt()
  @Min(1)
  @Max(3600)
  DEVICE_WATCHDOG_INTERVAL_SECONDS: number = 15;

  /** lastSeen is written at most this often per device (every reading would be an UPDATE per reading). */
  @IsInt()
  @Min(1)
  @Max(3600)
  LAST_SEEN_WRITE_SECONDS: number = 5;

  /** Readings stay in the IOT_TELEMETRY stream this long: the window in which an outage loses nothing. */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  TELEMETRY_STREAM_RETENTION_HOURS: number = 72;
}
