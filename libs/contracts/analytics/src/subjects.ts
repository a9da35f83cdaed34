/** Every NATS subject of the analytics service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const AnalyticsSubjects = {
  HealthCheck: 'analytics.health.check',
  /** Settings a storefront may read without signing in (SystemConfig rows with isPublic). */
  ConfigListPublic: 'analytics.config.list-public',
  /** Records one behavioural event (page view, add to cart, ...) from a frontend or a service. */
  EventTrack: 'analytics.event.track',
  /** Not published: what analytics subscribes to, every service's events (`evt.<service>.<entity>.<verb>`). */
  EveryEvent: 'evt.>',
} as const;
