export * from './pagination';
export * from './time-cursor';
