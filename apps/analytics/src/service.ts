import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { AnalyticsSubjects } from '@suite/contracts/analytics';
import { AnalyticsPrismaClient } from '@suite/db/analytics';

export const ANALYTICS_SERVICE: ServiceDefinition = {
  name: 'analytics',
  healthSubject: AnalyticsSubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: AnalyticsPrismaClient,
};
