/** Every NATS subject of the iot-telemetry service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const IotTelemetrySubjects = {
  HealthCheck: 'iot-telemetry.health.check',
} as const;
