/** Every NATS subject of the catalog service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const CatalogSubjects = {
  HealthCheck: 'catalog.health.check',
} as const;
