// The Nest-free part of the configuration, for tooling (migrations, seeds, launcher) that must not load NestJS.
export * from './services';
export * from './database-url';
