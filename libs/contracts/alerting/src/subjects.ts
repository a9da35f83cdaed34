/** Every NATS subject of the alerting service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const AlertingSubjects = {
  HealthCheck: 'alerting.health.check',
} as const;
