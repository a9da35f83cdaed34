/** Every NATS subject of the orders service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const OrdersSubjects = {
  HealthCheck: 'orders.health.check',
  /** Catalog asks whether a user bought a product (verified reviews). */
  PurchaseVerify: 'orders.purchase.verify',
  OrderImport: 'orders.order.import',
  /** analytics' ORDER import jobs: rows of a file, no HTTP route */
  OrderImportBatch: 'orders.order.import-batch',
  OrderList: 'orders.order.list',
  OrderGet: 'orders.order.get',
  OrderCancel: 'orders.order.cancel',
  CheckoutCreate: 'orders.checkout.create',
  /** A guest reads their order by code and lookup token. */
  OrderLookup: 'orders.order.lookup',
  PaymentCreate: 'orders.payment.create',
  PaymentWebhook: 'orders.payment.webhook',
  PaymentCodConfirm: 'orders.cod-payment.confirm',
  RefundCreate: 'orders.refund.create',
  /** analytics' TRANSACTION import jobs: ledger rows (fees, commissions, adjustments) of orders, no HTTP route */
  TransactionImportBatch: 'orders.transaction.import-batch',
  CartOpen: 'orders.cart.open',
  CartCurrent: 'orders.cart.current',
  CartItemAdd: 'orders.cart-item.add',
  CartItemUpdate: 'orders.cart-item.update',
  CartItemRemove: 'orders.cart-item.remove',
  CartMerge: 'orders.cart.merge',
  CustomerList: 'orders.customer.list',
  CustomerGet: 'orders.customer.get',
  CustomerCreate: 'orders.customer.create',
  CustomerUpdate: 'orders.customer.update',
  AddressList: 'orders.address.list',
  AddressCreate: 'orders.address.create',
  AddressUpdate: 'orders.address.update',
  AddressDelete: 'orders.address.delete',
  /** Staff on a customer's addresses; the Address* subjects above are the caller's own. */
  CustomerAddressList: 'orders.customer-address.list',
  CustomerAddressCreate: 'orders.customer-address.create',
  CustomerAddressUpdate: 'orders.customer-address.update',
  CustomerAddressDelete: 'orders.customer-address.delete',
} as const;

export const OrdersEvents = {
  OrderPlaced: 'evt.orders.order.placed',
  OrderPaid: 'evt.orders.order.paid',
  OrderCancelled: 'evt.orders.order.cancelled',
  OrderRefunded: 'evt.orders.order.refunded',
  OrderOnHold: 'evt.orders.order.on-hold',
} as const;
