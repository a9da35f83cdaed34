export * from './access';
export * from './caller';
export * from './jwt-config';
export * from './public.decorator';
export * from './caller-signing';
