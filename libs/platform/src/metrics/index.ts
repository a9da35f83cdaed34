export * from './metrics';
export * from './metrics.controller';
export * from './rpc-metrics.interceptor';
