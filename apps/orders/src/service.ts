import { ServiceDefinition } from '@suite/platform';
import { OrdersSubjects } from '@suite/contracts/orders';
import { OrdersPrismaClient } from '@suite/db/orders';
import { OrdersConfig } from './config';

export const ORDERS_SERVICE: ServiceDefinition<OrdersConfig> = {
  name: 'orders',
  healthSubject: OrdersSubjects.HealthCheck,
  config: OrdersConfig,
  prismaClient: OrdersPrismaClient,
};
