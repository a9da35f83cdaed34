import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { OrdersSubjects } from '@suite/contracts/orders';
import { OrdersPrismaClient } from '@suite/db/orders';

export const ORDERS_SERVICE: ServiceDefinition = {
  name: 'orders',
  healthSubject: OrdersSubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: OrdersPrismaClient,
};
