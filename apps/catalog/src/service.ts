import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { CatalogSubjects } from '@suite/contracts/catalog';
import { CatalogPrismaClient } from '@suite/db/catalog';

export const CATALOG_SERVICE: ServiceDefinition = {
  name: 'catalog',
  healthSubject: CatalogSubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: CatalogPrismaClient,
};
