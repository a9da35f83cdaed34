export * from './event-definition';
export * from './on-event.decorator';
export * from './event-consumers';
export * from './event-consumer';
export * from './dead-letter';
export * from './event-pipeline';
// Lets a service's own JetStream reader (telemetry ingest) report its lag on the same gauge as the event consumers.
export { registerLagSource } from './consumer-metrics';
