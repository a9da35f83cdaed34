export * from './operation';
export * from './page';
export * from './export-page';
export * from './settings';
export * from './import-batch';
