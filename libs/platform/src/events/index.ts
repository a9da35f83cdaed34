export * from './event-definition';
export * from './on-event.decorator';
export * from './event-consumers';
export * from './event-consumer';
export * from './dead-letter';
export * from './event-pipeline';
