export * from './nats-connection';
export * from './nats-client';
export * from './jetstream';
export * from './handles.decorator';
