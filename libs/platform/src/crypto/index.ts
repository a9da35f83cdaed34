export * from './secret-box';
export * from './encryption-config';
