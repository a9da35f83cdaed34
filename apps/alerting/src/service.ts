import { ServiceDefinition } from '@suite/platform';
import { AlertingSubjects } from '@suite/contracts/alerting';
import { AlertingPrismaClient } from '@suite/db/alerting';
import { AlertingConfig } from './config';

export const ALERTING_SERVICE: ServiceDefinition<AlertingConfig> = {
  name: 'alerting',
  healthSubject: AlertingSubjects.HealthCheck,
  config: AlertingConfig,
  prismaClient: AlertingPrismaClient,
};
