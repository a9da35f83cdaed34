export * from './settings-cache';
export * from './settings';
