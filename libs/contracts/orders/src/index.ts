export * from './subjects';
export * from './purchase.dto';
