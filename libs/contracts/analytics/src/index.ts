export * from './subjects';
export * from './events.dto';
export * from './config.dto';
