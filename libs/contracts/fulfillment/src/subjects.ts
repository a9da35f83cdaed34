/** Every NATS subject of the fulfillment service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const FulfillmentSubjects = {
  HealthCheck: 'fulfillment.health.check',
} as const;
