export * from './subjects';
export * from './bridge';
export * from './devices.dto';
export * from './thresholds.dto';
export * from './readings.dto';
export * from './commands.dto';
export * from './health.dto';
