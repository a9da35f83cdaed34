export * from './subjects';
export * from './declared-operations';
