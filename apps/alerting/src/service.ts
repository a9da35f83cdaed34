import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { AlertingSubjects } from '@suite/contracts/alerting';
import { AlertingPrismaClient } from '@suite/db/alerting';

export const ALERTING_SERVICE: ServiceDefinition = {
  name: 'alerting',
  healthSubject: AlertingSubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: AlertingPrismaClient,
};
