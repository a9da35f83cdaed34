export * from './subjects';
export * from './permissions';
export * from './auth.dto';
export * from './account.dto';
export * from './admin.dto';
export * from './two-factor-api-keys.dto';
export * from './system-roles';
export * from './events';
