import { Injectable } from '@nestjs/common';
import { CreateThresholdDto, ThresholdView, UpdateThresholdDto } from '@suite/contracts/iot-telemetry';
import type { IotTelemetryDb, Prisma } from '@suite/db/iot-telemetry';
import { CallerIdentity, InjectDb, notFound } from '@suite/platform';
import { DeviceAccess } from '../devices/device-access';
import { DeviceDirectory } from '../ingest/device-directory';
import { sensorNotFound } from '../sensors/sensor-rules';

export function toThresholdView(t: Prisma.SensorThresholdModel): ThresholdView {
  return {
    id: t.id,
    sensorId: t.sensorId,
    deviceId: t.deviceId,
    name: t.name,
    operator: t.operator,
    value: t.value,
    durationSeconds: t.durationSeconds,
    hysteresis: t.hysteresis,
    severity: t.severity,
    isActive: t.isActive,
    breachStartedAt: t.breachStartedAt?.toISOString() ?? null,
    activeAlertId: t.activeAlertId,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

const thresholdNotFound = (thresholdId: string) => notFound('IOT.THRESHOLD_NOT_FOUND', 'No such threshold.', { thresholdId });

/**
 * Thresholds CRUD, addressed as /sensors/:sensorId/thresholds[/:thresholdId]. Evaluation is the evaluator's; every change
 * here calls directory.forget so it (and every replica) reloads the device's rules.
 */
@Injectable()
export class ThresholdsService {
  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly access: DeviceAccess,
    private readonly directory: DeviceDirectory,
  ) {}

  async list(caller: CallerIdentity, sensorId: string): Promise<ThresholdView[]> {
    await this.sensor(caller, sensorId);
    const rows = await this.db.sensorThreshold.findMany({ where: { sensorId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toThresholdView);
  }

  async create(caller: CallerIdentity, sensorId: string, dto: CreateThresholdDto): Promise<ThresholdView> {
    const sensor = await this.sensor(caller, sensorId);
    const row = await this.db.sensorThreshold.create({
      data: { ...dto, sensorId, deviceId: sensor.deviceId, createdBy: caller.userId ?? null },
    });
    await this.directory.forget(sensor.device);
    return toThresholdView(row);
  }

  async update(caller: CallerIdentity, sensorId: string, thresholdId: string, dto: UpdateThresholdDto): Promise<ThresholdView> {
    const sensor = await this.sensor(caller, sensorId);
    await this.find(sensorId, thresholdId);
    const row = await this.db.sensorThreshold.update({ where: { id: thresholdId }, data: dto });
    await this.directory.forget(sensor.device);
    return toThresholdView(row);
  }

  /** Alerts it raised stay (their thresholdId becomes null; the rule as it was is kept in the alert's `threshold`). */
  async remove(caller: CallerIdentity, sensorId: string, thresholdId: string): Promise<void> {
    const sensor = await this.sensor(caller, sensorId);
    await this.find(sensorId, thresholdId);
    await this.db.sensorThreshold.delete({ where: { id: thresholdId } });
    await this.directory.forget(sensor.device);
  }

  /** A sensor on a device the caller may see; anyone else's is the same 404 as a missing one. */
  private async sensor(caller: CallerIdentity, sensorId: string) {
    const sensor = await this.db.sensor.findFirst({
      where: { id: sensorId, device: this.access.scope(caller) },
      include: { device: { select: { id: true, serialNumber: true } } },
    });
    if (!sensor) throw sensorNotFound(sensorId);
    return sensor;
  }

  private async find(sensorId: string, thresholdId: string) {
    const row = await this.db.sensorThreshold.findFirst({ where: { id: thresholdId, sensorId } });
    if (!row) throw thresholdNotFound(thresholdId);
    return row;
  }
}
