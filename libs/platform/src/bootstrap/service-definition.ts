import { PrismaClientClass } from '../db/prisma.module';
import { PlatformConfig } from '../config/platform-config';
import { ServiceName } from '../config/services';

/** Everything the platform needs to know to run one service; declared once in each app's service.ts. */
export interface ServiceDefinition<C extends PlatformConfig = PlatformConfig> {
  name: ServiceName;
  /** `<service>.health.check`, from the service's contracts. */
  healthSubject: string;
  /** The service's environment schema; PlatformConfig or a subclass adding its own variables. */
  config: new () => C;
  /** The generated Prisma client of the service's own database, if it has one. */
  prismaClient?: PrismaClientClass;
}

export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
