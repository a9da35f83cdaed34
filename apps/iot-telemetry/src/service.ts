import { ServiceDefinition } from '@suite/platform';
import { IotTelemetrySubjects } from '@suite/contracts/iot-telemetry';
import { IotTelemetryPrismaClient } from '@suite/db/iot-telemetry';
import { IotTelemetryConfig } from './config';

export const IOT_TELEMETRY_SERVICE: ServiceDefinition<IotTelemetryConfig> = {
  name: 'iot-telemetry',
  healthSubject: IotTelemetrySubjects.HealthCheck,
  config: IotTelemetryConfig,
  prismaClient: IotTelemetryPrismaClient,
};
