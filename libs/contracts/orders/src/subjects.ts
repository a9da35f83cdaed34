/** Every NATS subject of the orders service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const OrdersSubjects = {
  HealthCheck: 'orders.health.check',
} as const;
