import { ServiceDefinition } from '@suite/platform';
import { FulfillmentSubjects } from '@suite/contracts/fulfillment';
import { FulfillmentPrismaClient } from '@suite/db/fulfillment';
import { FulfillmentConfig } from './config';

export const FULFILLMENT_SERVICE: ServiceDefinition<FulfillmentConfig> = {
  name: 'fulfillment',
  healthSubject: FulfillmentSubjects.HealthCheck,
  config: FulfillmentConfig,
  prismaClient: FulfillmentPrismaClient,
};
