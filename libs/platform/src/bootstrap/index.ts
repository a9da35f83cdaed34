export * from './service-definition';
export * from './platform.module';
export * from './bootstrap-service';
