/** Every NATS subject of the logistics service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const LogisticsSubjects = {
  HealthCheck: 'logistics.health.check',
} as const;
