export * from './subjects';
export * from './purchase.dto';
export * from './orders.dto';
export * from './carts.dto';
export * from './customers.dto';
export * from './payments.dto';
export * from './checkout.dto';
export * from './events';
