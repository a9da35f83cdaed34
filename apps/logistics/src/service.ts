import { ServiceDefinition } from '@suite/platform';
import { LogisticsSubjects } from '@suite/contracts/logistics';
import { LogisticsPrismaClient } from '@suite/db/logistics';
import { LogisticsConfig } from './config';

export const LOGISTICS_SERVICE: ServiceDefinition<LogisticsConfig> = {
  name: 'logistics',
  healthSubject: LogisticsSubjects.HealthCheck,
  config: LogisticsConfig,
  prismaClient: LogisticsPrismaClient,
};
