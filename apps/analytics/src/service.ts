import { ServiceDefinition } from '@suite/platform';
import { AnalyticsSubjects } from '@suite/contracts/analytics';
import { AnalyticsPrismaClient } from '@suite/db/analytics';
import { AnalyticsConfig } from './config';

export const ANALYTICS_SERVICE: ServiceDefinition<AnalyticsConfig> = {
  name: 'analytics',
  healthSubject: AnalyticsSubjects.HealthCheck,
  config: AnalyticsConfig,
  prismaClient: AnalyticsPrismaClient,
};
