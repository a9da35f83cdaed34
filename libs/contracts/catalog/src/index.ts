export * from './subjects';
export * from './products.dto';
export * from './variants.dto';
export * from './stores.dto';
export * from './categories.dto';
export * from './stock.dto';
export * from './designs.dto';
export * from './reviews.dto';
