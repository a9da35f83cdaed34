/** Every NATS subject of the identity service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const IdentitySubjects = {
  HealthCheck: 'identity.health.check',
} as const;
