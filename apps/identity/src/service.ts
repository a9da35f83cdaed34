import { ServiceDefinition } from '@suite/platform';
import { IdentitySubjects } from '@suite/contracts/identity';
import { IdentityPrismaClient } from '@suite/db/identity';
import { IdentityConfig } from './config';

export const IDENTITY_SERVICE: ServiceDefinition<IdentityConfig> = {
  name: 'identity',
  healthSubject: IdentitySubjects.HealthCheck,
  config: IdentityConfig,
  prismaClient: IdentityPrismaClient,
};
