/** Every NATS subject of the orders service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const OrdersSubjects = {
  HealthCheck: 'orders.health.check',
  /** Catalog asks whether a user bought a product (verified reviews). */
  PurchaseVerify: 'orders.purchase.verify',
} as const;
