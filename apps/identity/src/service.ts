import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { IdentitySubjects } from '@suite/contracts/identity';
import { IdentityPrismaClient } from '@suite/db/identity';

export const IDENTITY_SERVICE: ServiceDefinition = {
  name: 'identity',
  healthSubject: IdentitySubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: IdentityPrismaClient,
};
