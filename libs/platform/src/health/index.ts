export * from './health-probe';
export * from './health.controller';
export * from './health-rpc.controller';
