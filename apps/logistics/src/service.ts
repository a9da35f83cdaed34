import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { LogisticsSubjects } from '@suite/contracts/logistics';
import { LogisticsPrismaClient } from '@suite/db/logistics';

export const LOGISTICS_SERVICE: ServiceDefinition = {
  name: 'logistics',
  healthSubject: LogisticsSubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: LogisticsPrismaClient,
};
