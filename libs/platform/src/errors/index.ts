export * from './app-error';
export * from './problem';
export * from './validation';
export * from './http-error';
export * from './all-exceptions.filter';
export * from './unstorable-text';
