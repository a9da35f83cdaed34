import { PlatformConfig, ServiceDefinition } from '@suite/platform';
import { IotTelemetrySubjects } from '@suite/contracts/iot-telemetry';
import { IotTelemetryPrismaClient } from '@suite/db/iot-telemetry';

export const IOT_TELEMETRY_SERVICE: ServiceDefinition = {
  name: 'iot-telemetry',
  healthSubject: IotTelemetrySubjects.HealthCheck,
  config: PlatformConfig,
  prismaClient: IotTelemetryPrismaClient,
};
