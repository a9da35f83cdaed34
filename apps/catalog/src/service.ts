import { ServiceDefinition } from '@suite/platform';
import { CatalogSubjects } from '@suite/contracts/catalog';
import { CatalogPrismaClient } from '@suite/db/catalog';
import { CatalogConfig } from './config';

export const CATALOG_SERVICE: ServiceDefinition<CatalogConfig> = {
  name: 'catalog',
  healthSubject: CatalogSubjects.HealthCheck,
  config: CatalogConfig,
  prismaClient: CatalogPrismaClient,
};
