import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { IOT_TELEMETRY_SERVICE } from './service';
import { MqttConnection } from './bridge/mqtt-connection';
import { MqttForwarder } from './bridge/mqtt-forwarder';
import { DeviceDirectory } from './ingest/device-directory';
import { TelemetryPool } from './ingest/telemetry-pool';
import { ReadingWriter } from './ingest/reading-writer';
import { DeadLetters } from './ingest/dead-letter';
import { BatchPipeline } from './ingest/batch-pipeline';
import { TelemetryConsumer } from './ingest/telemetry-consumer';
import { ThresholdEvaluator } from './thresholds/threshold-evaluator';
import { AlertRecorder } from './thresholds/alert-recorder';
import { DevicePresence } from './presence/device-presence';
import { DeviceAccess } from './devices/device-access';
import { DevicesNatsController } from './devices/devices.nats.controller';
import { DevicesService } from './devices/devices.service';
import { SensorsNatsController } from './sensors/sensors.nats.controller';
import { SensorsService } from './sensors/sensors.service';
import { ThresholdsNatsController } from './thresholds/thresholds.nats.controller';
import { ThresholdsService } from './thresholds/thresholds.service';
import { SensorAlertsNatsController } from './alerts/sensor-alerts.nats.controller';
import { SensorAlertsService } from './alerts/sensor-alerts.service';
import { ReadingsNatsController } from './readings/readings.nats.controller';
import { ReadingsService } from './readings/readings.service';
import { DeviceHealthNatsController } from './health-reports/device-health.nats.controller';
import { DeviceHealthService } from './health-reports/device-health.service';
import { DeviceWatchdogJob } from './presence/device-watchdog.job';
import { HealthConsumer } from './health-reports/health-consumer';
import { CommandsNatsController } from './commands/commands.nats.controller';
import { CommandsService } from './commands/commands.service';
import { CommandDelivery } from './commands/command-delivery';
import { CommandAcks } from './commands/command-acks';

@Module({
  imports: [PlatformModule.forService(IOT_TELEMETRY_SERVICE)],
  controllers: [
    DevicesNatsController,
    SensorsNatsController,
    ThresholdsNatsController,
    SensorAlertsNatsController,
    ReadingsNatsController,
    DeviceHealthNatsController,
    CommandsNatsController,
  ],
  providers: [
    MqttConnection,
    MqttForwarder,
    DeviceDirectory,
    TelemetryPool,
    ReadingWriter,
    DeadLetters,
    BatchPipeline,
    TelemetryConsumer,
    ThresholdEvaluator,
    AlertRecorder,
    DevicePresence,
    DeviceAccess,
    DevicesService,
    SensorsService,
    ReadingsService,
    ThresholdsService,
    SensorAlertsService,
    DeviceHealthService,
    DeviceWatchdogJob,
    HealthConsumer,
    CommandsService,
    CommandDelivery,
    CommandAcks,
  ],
})
export class AppModule {}
