import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { FulfillmentSubjects } from '@suite/contracts/fulfillment';
import { FulfillmentPrismaClient } from '@suite/db/fulfillment';

export const FULFILLMENT_SERVICE: ServiceDefinition = {
  name: 'fulfillment',
  healthSubject: FulfillmentSubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: FulfillmentPrismaClient,
};
