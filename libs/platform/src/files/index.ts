export * from './file-store';
export * from './signed-link';
export * from './local-file-store';
export * from './s3-file-store';
export * from './file-store-config';
export * from './file-store.module';
