export * from './subjects';
export * from './permissions';
export * from './auth.dto';
