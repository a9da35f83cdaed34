/** NATS subjects of API usage and rate-limit records (kept apart from subjects.ts so the features grow independently). */
export const ApiUsageSubjects = {
  /** A batch of the gateway's usage rows and blocked rate-limit windows; analytics answers once they are stored. */
  Record: 'analytics.api-usage.record',
  ByKey: 'analytics.api-usage.by-key',
  ByUser: 'analytics.api-usage.by-user',
  ByEndpoint: 'analytics.api-usage.by-endpoint',
  RateLimitList: 'analytics.rate-limit.list',
} as const;
