/** Every NATS subject of the iot-telemetry service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const IotTelemetrySubjects = {
  HealthCheck: 'iot-telemetry.health.check',
  DeviceCreate: 'iot-telemetry.device.create',
  DeviceList: 'iot-telemetry.device.list',
  DeviceGet: 'iot-telemetry.device.get',
  DeviceUpdate: 'iot-telemetry.device.update',
  DeviceDelete: 'iot-telemetry.device.delete',
  DeviceCredentialRotate: 'iot-telemetry.device-credential.rotate',
  SensorCreate: 'iot-telemetry.sensor.create',
  SensorList: 'iot-telemetry.sensor.list',
  SensorUpdate: 'iot-telemetry.sensor.update',
  SensorDelete: 'iot-telemetry.sensor.delete',
  ReadingQuery: 'iot-telemetry.reading.query',
  ReadingLatest: 'iot-telemetry.reading.latest',
  CommandSend: 'iot-telemetry.command.send',
  CommandList: 'iot-telemetry.command.list',
  DeviceHealthRecord: 'iot-telemetry.device-health.record',
  DeviceHealthList: 'iot-telemetry.device-health.list',
  ThresholdCreate: 'iot-telemetry.threshold.create',
  ThresholdList: 'iot-telemetry.threshold.list',
  ThresholdUpdate: 'iot-telemetry.threshold.update',
  ThresholdDelete: 'iot-telemetry.threshold.delete',
  SensorAlertList: 'iot-telemetry.sensor-alert.list',
  /** Broadcast (no queue group) between replicas: a device, its sensors or a threshold changed; drop them from the ingest caches. */
  DirectoryChanged: 'iot-telemetry.directory.changed',
} as const;

export const IotTelemetryEvents = {
  DeviceOnline: 'evt.iot-telemetry.device.online',
  DeviceOffline: 'evt.iot-telemetry.device.offline',
  ThresholdBreached: 'evt.iot-telemetry.threshold.breached',
  ThresholdCleared: 'evt.iot-telemetry.threshold.cleared',
} as const;

/**
 * The device bridge: what devices publish and receive. Readings and health reports land in the IOT_TELEMETRY JetStream
 * stream before anything reads them, so nothing is lost while the service or the database is down.
 */
export const DeviceBridge = {
  /** Readings: one or a batch (TelemetryMessage). */
  telemetry: (serial: string) => `iot.dev.${serial}.telemetry`,
  /** Heartbeat, with health metrics when the device has them (HealthMessage). */
  health: (serial: string) => `iot.dev.${serial}.health`,
  /** Request/reply to a device listening on NATS (CommandMessage -> CommandReply). Not captured by the stream. */
  commands: (serial: string) => `iot.dev.${serial}.commands`,
  telemetryWildcard: 'iot.dev.*.telemetry',
  healthWildcard: 'iot.dev.*.health',
  stream: 'IOT_TELEMETRY',
  /** Refused and malformed messages, with the reason in the `Dead-Letter-Reason` header (stream IOT_DEAD_LETTER). */
  deadLetter: 'iot.deadletter.telemetry',
  deadLetterWildcard: 'iot.deadletter.>',
  deadLetterStream: 'IOT_DEAD_LETTER',
  deadLetterReasonHeader: 'Dead-Letter-Reason',
  /** Core NATS, no persistence: readings of one device as they are stored (the gateway's SSE stream listens here). */
  live: (deviceId: string) => `iot.live.${deviceId}`,
} as const;

/** The same bridge over MQTT (the Mosquitto broker). The service subscribes with QoS 1 in a persistent session. */
export const MqttTopics = {
  telemetry: (serial: string) => `mash/${serial}/telemetry`,
  health: (serial: string) => `mash/${serial}/health`,
  /** The service publishes CommandMessage here (QoS 1); the device answers on commandAck with CommandAck. */
  commands: (serial: string) => `mash/${serial}/commands`,
  commandAck: (serial: string) => `mash/${serial}/commands/ack`,
  telemetryWildcard: 'mash/+/telemetry',
  healthWildcard: 'mash/+/health',
  commandAckWildcard: 'mash/+/commands/ack',
} as const;
