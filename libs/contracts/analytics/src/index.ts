export * from './subjects';
export * from './events.dto';
export * from './events';
export * from './config.dto';
