/** Every NATS subject of the api-gateway service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const ApiGatewaySubjects = {
  HealthCheck: 'api-gateway.health.check',
} as const;
