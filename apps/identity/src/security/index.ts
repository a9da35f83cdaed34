export * from './passwords';
export * from './tokens';
export * from './totp';
export * from './backup-codes';
